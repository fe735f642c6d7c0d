/** The editor screen's header: the title, the way home, sharing and settings. */
export const headerEn = {
  'header.title': 'Document title',
  'header.titleHint': 'Click to rename',
  'header.windowTitle': '{{title}} — Ensemble',
  'header.home': 'Home',
  'header.share': 'Share',
  'header.offlineCopyUnavailable': 'Offline copy unavailable: {{problem}}.',
  'header.settings': 'Settings'
} as const
