/** Whether edits are saved: the save status and the leave-page warning. */
export const savingEn = {
  'save.pending_one': '{{count}} change not yet on the relay',
  'save.pending_other': '{{count}} changes not yet on the relay'
} as const
