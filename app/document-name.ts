/**
 * Document names travel as the WebSocket URL path (URL-encoded) and key the relay's storage.
 * They may hold `/`-separated segments (`team/notes`) so that access tokens can grant a prefix.
 */
export const maxDocumentNameLength = 200
const maxSegmentLength = 100
const segmentPattern = /^[\p{L}\p{N}_~@+\-.() ]+$/u

/** Returns why `name` is not a valid document name, or `null` when it is. */
export const documentNameProblem = (name: string): string | null => {
  if (name.length === 0) return 'the document name is empty'
  if (name.length > maxDocumentNameLength) {
    return `the document name is ${name.length} characters long; the limit is ${maxDocumentNameLength}`
  }
  for (const segment of name.split('/')) {
    if (segment.length === 0) return `the document name "${name}" has an empty path segment`
    if (segment.length > maxSegmentLength) {
      return `a segment of the document name is longer than ${maxSegmentLength} characters`
    }
    if (segment === '.' || segment === '..') return `the document name "${name}" has a "${segment}" segment`
    if (segment.trim() !== segment) return `a segment of the document name "${name}" starts or ends with a space`
    if (!segmentPattern.test(segment)) {
      return `the document name "${name}" may hold only letters, digits, spaces and _ ~ @ + - . ( ) /`
    }
  }
  return null
}

export const isValidDocumentName = (name: string): boolean => documentNameProblem(name) === null
