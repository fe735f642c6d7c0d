/** A fresh, unguessable-enough name for a new document: `doc-` and 10 random letters and digits. */
export const newDocumentName = (): string => {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789'
  const bytes = crypto.getRandomValues(new Uint8Array(10))
  return `doc-${Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('')}`
}
