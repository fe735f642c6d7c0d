import { chatEn } from './en/chat'
import { commentsEn } from './en/comments'
import { dialogsEn } from './en/dialogs'
import { editorEn } from './en/editor'
import { errorsEn } from './en/errors'
import { historyEn } from './en/history'
import { menusEn } from './en/menus'
import { panelsEn } from './en/panels'
import { savingEn } from './en/saving'
import { sessionEn } from './en/session'
import { settingsEn } from './en/settings'
import { shareEn } from './en/share'
import { transferEn } from './en/transfer'

/**
 * Every English string the app shows, by key, gathered from one file per area under `en/`. Keys
 * are `area.what` (`settings.language`); a value may hold `{{name}}` placeholders, and a counted
 * message has `_one` and `_other` forms (i18next's plural keys, chosen by `count`). Each area has
 * its translation under `zh-CN/`, typed `Translation<typeof areaEn>`, so the type checker names a
 * missing key.
 */
export const messagesEn = {
  ...chatEn, ...commentsEn, ...dialogsEn, ...editorEn, ...errorsEn, ...historyEn, ...menusEn, ...panelsEn, ...savingEn, ...sessionEn, ...settingsEn, ...shareEn, ...transferEn
} as const
