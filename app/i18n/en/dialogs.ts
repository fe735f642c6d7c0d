/** What every dialog and copy field says. */
export const dialogsEn = {
  'dialog.close': 'Close',
  'copy.copy': 'Copy',
  'copy.copied': 'Copied',
  'copy.selected': 'Selected: press Ctrl+C (⌘C on a Mac) to copy'
} as const
