import type { Messages } from './messages'
import { savingZhCn } from './zh-CN/saving'
import { settingsZhCn } from './zh-CN/settings'
import { toolbarZhCn } from './zh-CN/toolbar'
import { sidebarZhCn } from './zh-CN/sidebar'
import { presenceZhCn } from './zh-CN/presence'
import { headerZhCn } from './zh-CN/header'
import { homeZhCn } from './zh-CN/home'

/** Simplified Chinese: every key of `messages-en.ts` (counted messages need only `_other`). */
export const messagesZhCn: Messages = { ...settingsZhCn, ...savingZhCn, ...toolbarZhCn, ...sidebarZhCn, ...presenceZhCn, ...headerZhCn, ...homeZhCn }
