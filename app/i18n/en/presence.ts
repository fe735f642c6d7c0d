/** What screen readers hear as people come and go (the editor's live region). */
export const presenceEn = {
  'presence.joined': '{{name}} joined',
  'presence.left': '{{name}} left'
} as const
