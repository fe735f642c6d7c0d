/**
 * Every English string the app shows, by key. Keys are `area.what` (`settings.language`); a value
 * may hold `{{name}}` placeholders, and a counted message has `_one` and `_other` forms (i18next's
 * plural keys, chosen by `count`). `messages-zh-CN.ts` must carry every key (the type checker says
 * which one is missing).
 */
export const messagesEn = {
  'language.system': 'Same as the system ({{language}})',
  'settings.language': 'Language',
  'settings.languageNote': 'Ensemble reloads the window to show the new language; nothing you wrote is lost.',
  'save.pending_one': '{{count}} change not yet on the relay',
  'save.pending_other': '{{count}} changes not yet on the relay'
} as const
