import type { Messages } from './messages'
import { chatZhCn } from './zh-CN/chat'
import { commentsZhCn } from './zh-CN/comments'
import { desktopPresenceZhCn } from './zh-CN/desktop-presence'
import { dialogsZhCn } from './zh-CN/dialogs'
import { editorZhCn } from './zh-CN/editor'
import { errorsZhCn } from './zh-CN/errors'
import { handoverZhCn } from './zh-CN/handover'
import { headerZhCn } from './zh-CN/header'
import { historyZhCn } from './zh-CN/history'
import { homeZhCn } from './zh-CN/home'
import { menusZhCn } from './zh-CN/menus'
import { panelsZhCn } from './zh-CN/panels'
import { platformZhCn } from './zh-CN/platform'
import { presenceZhCn } from './zh-CN/presence'
import { savingZhCn } from './zh-CN/saving'
import { sessionZhCn } from './zh-CN/session'
import { settingsZhCn } from './zh-CN/settings'
import { shareZhCn } from './zh-CN/share'
import { sidebarZhCn } from './zh-CN/sidebar'
import { suggestionsZhCn } from './zh-CN/suggestions'
import { toolbarZhCn } from './zh-CN/toolbar'
import { transferZhCn } from './zh-CN/transfer'

/** Simplified Chinese: every key of `messages-en.ts` (counted messages need only `_other`). */
export const messagesZhCn: Messages = {
  ...chatZhCn,
  ...commentsZhCn,
  ...desktopPresenceZhCn,
  ...dialogsZhCn,
  ...editorZhCn,
  ...errorsZhCn,
  ...handoverZhCn,
  ...headerZhCn,
  ...historyZhCn,
  ...homeZhCn,
  ...menusZhCn,
  ...panelsZhCn,
  ...platformZhCn,
  ...presenceZhCn,
  ...savingZhCn,
  ...sessionZhCn,
  ...settingsZhCn,
  ...shareZhCn,
  ...sidebarZhCn,
  ...suggestionsZhCn,
  ...toolbarZhCn,
  ...transferZhCn
}
