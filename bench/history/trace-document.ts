import * as Y from 'yjs'
import { documentFragmentName } from '../../app/document'
import type { TraceEdit } from '../relay/trace'

/**
 * Replays a plain-text editing trace into a document shaped as the editor writes it: one
 * `paragraph` element with one `Y.XmlText` per line of the text, each edit in its own transaction
 * (one keystroke each). A newline splits a paragraph the way y-prosemirror writes a split (the
 * tail is deleted from the line and inserted as a new paragraph after it); deleting a newline
 * joins two paragraphs the way it writes a join (the second paragraph is deleted and its text
 * inserted at the end of the first). So the deleted content that `gc: false` keeps is what an
 * editor session would leave behind, not only the deleted characters.
 */
export class TraceDocument {
  private readonly fragment: Y.XmlFragment
  private readonly lines: Y.XmlText[] = []
  /** Where the last edit was: most edits are near the previous one, so lookups start there. */
  private cursorLine = 0
  private cursorStart = 0

  constructor(readonly doc: Y.Doc) {
    this.fragment = doc.getXmlFragment(documentFragmentName)
    this.lines.push(this.insertParagraph(0, ''))
  }

  apply(edit: TraceEdit): void {
    const [position, deleteCount, insert] = edit
    for (let i = 0; i < deleteCount; i++) this.doc.transact(() => this.deleteCharAt(position))
    if (insert !== undefined && insert.length > 0) {
      this.doc.transact(() => {
        let at = position
        for (const char of insert) this.insertCharAt(at++, char)
      })
    }
  }

  /** The document's text, lines joined with newlines, as the trace's `finalText` is written. */
  text(): string {
    return this.lines.map((line) => line.toString()).join('\n')
  }

  private insertCharAt(position: number, char: string): void {
    const { line, offset } = this.locate(position)
    const text = this.lines[line]!
    if (char !== '\n') {
      text.insert(offset, char)
      return
    }
    const tail = text.toString().slice(offset)
    if (tail.length > 0) text.delete(offset, tail.length)
    this.lines.splice(line + 1, 0, this.insertParagraph(line + 1, tail))
  }

  private deleteCharAt(position: number): void {
    const { line, offset } = this.locate(position)
    const text = this.lines[line]!
    if (offset < text.length) {
      text.delete(offset, 1)
      return
    }
    const next = this.lines[line + 1]
    if (next === undefined) throw new RangeError(`the trace deletes past the end of the text at ${position}`)
    const moved = next.toString()
    if (moved.length > 0) text.insert(text.length, moved)
    this.fragment.delete(line + 1, 1)
    this.lines.splice(line + 1, 1)
  }

  private insertParagraph(index: number, content: string): Y.XmlText {
    const paragraph = new Y.XmlElement('paragraph')
    const text = new Y.XmlText()
    if (content.length > 0) text.insert(0, content)
    paragraph.insert(0, [text])
    this.fragment.insert(index, [paragraph])
    return text
  }

  /** The line holding text position `position` and the offset in it (a newline counts as one position). */
  private locate(position: number): { line: number; offset: number } {
    let line = Math.min(this.cursorLine, this.lines.length - 1)
    let start = line === this.cursorLine ? this.cursorStart : 0
    if (line !== this.cursorLine) line = 0
    while (position < start) {
      line--
      start -= this.lines[line]!.length + 1
    }
    while (position > start + this.lines[line]!.length) {
      start += this.lines[line]!.length + 1
      line++
      if (line >= this.lines.length) throw new RangeError(`position ${position} is past the end of the text`)
    }
    this.cursorLine = line
    this.cursorStart = start
    return { line, offset: position - start }
  }
}
