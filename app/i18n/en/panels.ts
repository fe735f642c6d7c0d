/** The side panel around comments, history and chat, and what its panels share. */
export const panelsEn = {
  'panels.tabs': 'Collaboration',
  'panels.deniedNote': 'Read-only while the relay refuses this page (the message above the document says why): nothing added here could reach anyone.'
} as const
