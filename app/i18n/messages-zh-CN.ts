import type { Messages } from './messages'
import { handoverZhCn } from './zh-CN/handover'
import { savingZhCn } from './zh-CN/saving'
import { settingsZhCn } from './zh-CN/settings'

/** Simplified Chinese: every key of `messages-en.ts` (counted messages need only `_other`). */
export const messagesZhCn: Messages = { ...settingsZhCn, ...savingZhCn, ...handoverZhCn }
