/** Every word of the mention menu, in one place for a later message catalogue. */
export const mentionStrings = {
  menu: 'People and documents',
  person: 'Person in this document',
  you: 'you',
  document: 'Document'
} as const
