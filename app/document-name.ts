import { t } from './i18n/translate'
/**
 * Document names travel as the WebSocket URL path (URL-encoded) and key the relay's storage.
 * They may hold `/`-separated segments (`team/notes`) so that access tokens can grant a prefix.
 */
export const maxDocumentNameLength = 200
const maxSegmentLength = 100
const segmentPattern = /^[\p{L}\p{N}_~@+\-.() ]+$/u

/** Returns why `name` is not a valid document name, or `null` when it is. */
export const documentNameProblem = (name: string): string | null => {
  if (name.length === 0) return t('name.empty')
  if (name.length > maxDocumentNameLength) {
    return t('name.tooLong', { length: name.length, limit: maxDocumentNameLength })
  }
  for (const segment of name.split('/')) {
    if (segment.length === 0) return t('name.emptySegment', { name })
    if (segment.length > maxSegmentLength) {
      return t('name.segmentTooLong', { limit: maxSegmentLength })
    }
    if (segment === '.' || segment === '..') return t('name.dotSegment', { name, segment })
    if (segment.trim() !== segment) return t('name.spacedSegment', { name })
    if (!segmentPattern.test(segment)) {
      return t('name.badCharacters', { name })
    }
  }
  return null
}

export const isValidDocumentName = (name: string): boolean => documentNameProblem(name) === null
