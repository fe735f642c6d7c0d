/** The desktop app's presence: notifications, the tray and window titles (main/presence/). */
export const desktopPresenceEn = {
  'desktopPresence.joined': '{{names}} joined',
  'desktopPresence.left': '{{names}} left',
  'desktopPresence.nobody': '{{app}}: nobody else is editing',
  'desktopPresence.summary': '{{app}}: {{people}} in {{documents}}',
  'desktopPresence.people_one': '{{count}} person',
  'desktopPresence.people_other': '{{count}} people',
  'desktopPresence.documents_one': '{{count}} document',
  'desktopPresence.documents_other': '{{count}} documents',
  'desktopPresence.trayItem': '{{document}}: {{names}}',
  'desktopPresence.title': '{{document}} — {{app}}',
  'desktopPresence.titleWith': '{{document}} — {{app}} (with {{names}})',
  'desktopPresence.twoNames': '{{first}} and {{second}}',
  'desktopPresence.threeNames': '{{first}}, {{second}} and {{third}}',
  'desktopPresence.manyNames_other': '{{first}}, {{second}} and {{count}} others'
} as const
