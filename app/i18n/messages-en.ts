import { chatEn } from './en/chat'
import { commentsEn } from './en/comments'
import { desktopPresenceEn } from './en/desktop-presence'
import { dialogsEn } from './en/dialogs'
import { editorEn } from './en/editor'
import { errorsEn } from './en/errors'
import { handoverEn } from './en/handover'
import { headerEn } from './en/header'
import { historyEn } from './en/history'
import { homeEn } from './en/home'
import { menusEn } from './en/menus'
import { panelsEn } from './en/panels'
import { platformEn } from './en/platform'
import { presenceEn } from './en/presence'
import { savingEn } from './en/saving'
import { sessionEn } from './en/session'
import { settingsEn } from './en/settings'
import { shareEn } from './en/share'
import { sidebarEn } from './en/sidebar'
import { suggestionsEn } from './en/suggestions'
import { toolbarEn } from './en/toolbar'
import { transferEn } from './en/transfer'

/**
 * Every English string the app shows, by key, gathered from one file per area under `en/`. Keys
 * are `area.what` (`settings.language`); a value may hold `{{name}}` placeholders, and a counted
 * message has `_one` and `_other` forms (i18next's plural keys, chosen by `count`). Each area has
 * its translation under `zh-CN/`, typed `Translation<typeof areaEn>`, so the type checker names a
 * missing key.
 */
export const messagesEn = {
  ...chatEn,
  ...commentsEn,
  ...desktopPresenceEn,
  ...dialogsEn,
  ...editorEn,
  ...errorsEn,
  ...handoverEn,
  ...headerEn,
  ...historyEn,
  ...homeEn,
  ...menusEn,
  ...panelsEn,
  ...platformEn,
  ...presenceEn,
  ...savingEn,
  ...sessionEn,
  ...settingsEn,
  ...shareEn,
  ...sidebarEn,
  ...suggestionsEn,
  ...toolbarEn,
  ...transferEn
} as const

/** Each area on its own, for the test that no key is defined by two areas. */
export const englishAreas: ReadonlyArray<Readonly<Record<string, string>>> = [
  chatEn,
  commentsEn,
  desktopPresenceEn,
  dialogsEn,
  editorEn,
  errorsEn,
  handoverEn,
  headerEn,
  historyEn,
  homeEn,
  menusEn,
  panelsEn,
  platformEn,
  presenceEn,
  savingEn,
  sessionEn,
  settingsEn,
  shareEn,
  sidebarEn,
  suggestionsEn,
  toolbarEn,
  transferEn
]
