import type { Node } from 'prosemirror-model'
import type { ExportFormat } from './formats'
import { markdownTableLosses } from './markdown-tables'
import { t } from '../i18n/translate'

/**
 * What an export leaves out of a document because the format has no place for it, so that the
 * person exporting is told instead of finding out later: Markdown and plain text have no text
 * colours, highlights or alignment, and Markdown tables hold less than the document's (see
 * `markdownTableLosses`). HTML keeps everything.
 */
export const exportLossKinds = ['text-color', 'highlight', 'alignment'] as const

export type ExportLoss = (typeof exportLossKinds)[number]

/** The kinds of formatting in `doc` that an export as `format` leaves out, in a fixed order. */
export const exportLosses = (doc: Node, format: ExportFormat): ExportLoss[] => {
  if (format === 'html') return []
  const found = new Set<ExportLoss>()
  doc.descendants((node) => {
    if (node.attrs.align !== undefined && node.attrs.align !== null) found.add('alignment')
    for (const mark of node.marks) {
      if (mark.type.name === 'text_color') found.add('text-color')
      if (mark.type.name === 'highlight') found.add('highlight')
    }
    return true
  })
  return exportLossKinds.filter((kind) => found.has(kind))
}

/** One sentence for the notice: "Markdown has no text colours or alignment; they were left out, the text kept." */
export const exportLossMessage = (formatLabel: string, losses: readonly ExportLoss[]): string | null => {
  if (losses.length === 0) return null
  const names = losses.map((loss) => t(`export.loss.${loss}`))
  if (names.length === 1) return t('export.lossOne', { format: formatLabel, list: names[0]! })
  const list = t('export.lossList', { list: names.slice(0, -1).join(t('export.lossListSeparator')), last: names.at(-1)! })
  return t('export.lossMany', { format: formatLabel, list })
}

/**
 * The notice after exporting `doc` as `format`: what the format could not keep, in sentences, or
 * null when the file holds everything. Said after the download starts: the export is not refused,
 * only told.
 */
export const exportLossNotice = (doc: Node, format: ExportFormat): string | null => {
  const sentences = [
    exportLossMessage(t(`format.${format}`), exportLosses(doc, format)),
    ...(format === 'md' ? markdownTableLosses(doc) : [])
  ].filter((sentence) => sentence !== null)
  return sentences.length === 0 ? null : sentences.join(' ')
}
