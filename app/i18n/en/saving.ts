/** Whether edits are saved: the save status and the leave-page warning. */
export const savingEn = {
  'save.pending_one': '{{count}} change not yet on the relay',
  'save.pending_other': '{{count}} changes not yet on the relay',
  'save.saved': 'Saved',
  'save.sent': 'Sent to the relay',
  'save.sentDetails': 'This relay does not confirm what it stores; your changes were sent to it.',
  'save.savedDetails': 'Every change is stored on the relay.',
  'save.pendingDetails': 'Kept in this window and its offline copy until the relay confirms it stored them.',
  'save.notStored': 'Not saved on the relay: its storage is failing. Your edits still reach the others and stay in this window; keep it open.',
  'save.relaySays': 'The relay says: {{reason}}',
  'save.storedAgain': 'Your edits are saved on the relay again.',
  'save.noOfflineCache': 'the offline cache (IndexedDB) is not available ({{reason}}); edits are kept only while this page is open and connected'
} as const
