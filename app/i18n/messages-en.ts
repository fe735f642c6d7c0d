import { handoverEn } from './en/handover'
import { headerEn } from './en/header'
import { homeEn } from './en/home'
import { presenceEn } from './en/presence'
import { savingEn } from './en/saving'
import { settingsEn } from './en/settings'
import { sidebarEn } from './en/sidebar'
import { suggestionsEn } from './en/suggestions'
import { toolbarEn } from './en/toolbar'

/**
 * Every English string the app shows, by key, gathered from one file per area under `en/`. Keys
 * are `area.what` (`settings.language`); a value may hold `{{name}}` placeholders, and a counted
 * message has `_one` and `_other` forms (i18next's plural keys, chosen by `count`). Each area has
 * its translation under `zh-CN/`, typed `Translation<typeof areaEn>`, so the type checker names a
 * missing key.
 */
export const messagesEn = {
  ...handoverEn,
  ...headerEn,
  ...homeEn,
  ...presenceEn,
  ...savingEn,
  ...settingsEn,
  ...sidebarEn,
  ...suggestionsEn,
  ...toolbarEn
} as const

/** Each area on its own, for the test that no key is defined by two areas. */
export const englishAreas: ReadonlyArray<Readonly<Record<string, string>>> = [
  handoverEn,
  headerEn,
  homeEn,
  presenceEn,
  savingEn,
  settingsEn,
  sidebarEn,
  suggestionsEn,
  toolbarEn
]
