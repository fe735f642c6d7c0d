/** Suggesting mode: the mode switch, suggestion marks' tooltips, the Suggestions tab, the suggest role. */
export const suggestionsEn = {
  'suggestions.tab': 'Suggestions',
  'suggestions.panelLabel': 'Suggestions',
  'suggestions.count_one': '{{count}} suggestion',
  'suggestions.count_other': '{{count}} suggestions',
  'suggestions.mode': 'Suggesting',
  'suggestions.modeTitle':
    'Suggesting mode: what you type and delete becomes a suggestion that an editor accepts or rejects (Ctrl/Cmd+Alt+Shift+X; Ctrl/Cmd+Alt+Shift+Z goes back to editing)',
  'suggestions.insertedBy': 'Suggested by {{author}}, {{time}}: insert',
  'suggestions.deletedBy': 'Suggested by {{author}}, {{time}}: delete',
  'suggestions.insert': 'Insert “{{text}}”',
  'suggestions.delete': 'Delete “{{text}}”',
  'suggestions.replace': 'Replace “{{deleted}}” with “{{inserted}}”',
  'suggestions.accept': 'Accept',
  'suggestions.reject': 'Reject',
  'suggestions.acceptOne': 'Accept the suggestion of {{author}}: {{what}}',
  'suggestions.rejectOne': 'Reject the suggestion of {{author}}: {{what}}',
  'suggestions.acceptAll': 'Accept all',
  'suggestions.rejectAll': 'Reject all',
  'suggestions.empty': 'No suggestions. In suggesting mode, what you type and delete becomes a suggestion.',
  'suggestions.suggesterNote': 'You can suggest changes to this document; an editor accepts or rejects them.',
  'suggestions.viewerNote': 'Only editors accept or reject suggestions.',
  'suggestions.roleSuggest': 'can suggest'
} as const
