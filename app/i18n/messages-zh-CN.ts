import type { Messages } from './messages'
import { savingZhCn } from './zh-CN/saving'
import { settingsZhCn } from './zh-CN/settings'
import { suggestionsZhCn } from './zh-CN/suggestions'

/** Simplified Chinese: every key of `messages-en.ts` (counted messages need only `_other`). */
export const messagesZhCn: Messages = { ...settingsZhCn, ...savingZhCn, ...suggestionsZhCn }
