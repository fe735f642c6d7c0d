import type { Messages } from './messages'
import { handoverZhCn } from './zh-CN/handover'
import { headerZhCn } from './zh-CN/header'
import { homeZhCn } from './zh-CN/home'
import { presenceZhCn } from './zh-CN/presence'
import { savingZhCn } from './zh-CN/saving'
import { settingsZhCn } from './zh-CN/settings'
import { sidebarZhCn } from './zh-CN/sidebar'
import { suggestionsZhCn } from './zh-CN/suggestions'
import { toolbarZhCn } from './zh-CN/toolbar'

/** Simplified Chinese: every key of `messages-en.ts` (counted messages need only `_other`). */
export const messagesZhCn: Messages = {
  ...handoverZhCn,
  ...headerZhCn,
  ...homeZhCn,
  ...presenceZhCn,
  ...savingZhCn,
  ...settingsZhCn,
  ...sidebarZhCn,
  ...suggestionsZhCn,
  ...toolbarZhCn
}
