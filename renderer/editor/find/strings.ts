/** Every word of find and replace, in one place for a later message catalogue. */
export const findStrings = {
  bar: 'Find and replace',
  find: 'Find in document',
  findPlaceholder: 'Find',
  replace: 'Replace with',
  replacePlaceholder: 'Replace with',
  previous: 'Previous match (Shift+Enter)',
  next: 'Next match (Enter)',
  matchCase: 'Match case',
  wholeWord: 'Whole word',
  showReplace: 'Replace (Ctrl/Cmd+H)',
  close: 'Close (Escape)',
  replaceOne: 'Replace',
  replaceAll: 'Replace all',
  readOnly: 'This document is view-only: nothing can be replaced.',
  noMatches: 'No matches',
  count: (current: number, total: number, capped: boolean): string =>
    `${current} of ${total.toLocaleString('en')}${capped ? '+' : ''}`,
  replacedAll: (count: number): string => (count === 1 ? 'Replaced 1 match.' : `Replaced ${count.toLocaleString('en')} matches.`)
} as const
