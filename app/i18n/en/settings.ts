/** Settings and the language menu. */
export const settingsEn = {
  'language.system': 'Same as the system ({{language}})',
  'settings.language': 'Language',
  'settings.languageNote': 'Ensemble reloads the window to show the new language; nothing you wrote is lost.'
} as const
