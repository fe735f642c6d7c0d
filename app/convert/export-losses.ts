import type { Node } from 'prosemirror-model'
import { formatInfo, type ExportFormat } from './formats'
import { markdownTableLosses } from './markdown-tables'

/**
 * What an export leaves out of a document because the format has no place for it, so that the
 * person exporting is told instead of finding out later: Markdown and plain text have no text
 * colours, highlights or alignment, and Markdown tables hold less than the document's (see
 * `markdownTableLosses`). HTML keeps everything.
 */
export const exportLossKinds = {
  'text-color': 'text colours',
  highlight: 'highlights',
  alignment: 'alignment'
} as const

export type ExportLoss = keyof typeof exportLossKinds

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
  return (Object.keys(exportLossKinds) as ExportLoss[]).filter((kind) => found.has(kind))
}

/** One sentence for the notice: "Markdown has no text colours or alignment; they were left out, the text kept." */
export const exportLossMessage = (formatLabel: string, losses: readonly ExportLoss[]): string | null => {
  if (losses.length === 0) return null
  const names = losses.map((loss) => exportLossKinds[loss])
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}`
  return `${formatLabel} has no ${list}; ${names.length === 1 ? 'it was' : 'they were'} left out, the text kept.`
}

/**
 * The notice after exporting `doc` as `format`: what the format could not keep, in sentences, or
 * null when the file holds everything. Said after the download starts: the export is not refused,
 * only told.
 */
export const exportLossNotice = (doc: Node, format: ExportFormat): string | null => {
  const sentences = [
    exportLossMessage(formatInfo[format].label, exportLosses(doc, format)),
    ...(format === 'md' ? markdownTableLosses(doc) : [])
  ].filter((sentence) => sentence !== null)
  return sentences.length === 0 ? null : sentences.join(' ')
}
