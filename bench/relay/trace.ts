/**
 * The real-world editing trace (../shared/data/paper-trace.json.gz): the keystrokes with which a
 * LaTeX paper was written, as index-based edits. See ../shared/data/README.md for its format.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { gunzip } from 'node:zlib'
import * as Y from 'yjs'
import { repoRoot } from './relay-process'

/** `[position, deleteCount, insertText?]`, applied in order to an initially empty text. */
export type TraceEdit = readonly [position: number, deleteCount: number, insertText?: string]

export interface EditingTrace {
  readonly edits: readonly TraceEdit[]
  readonly finalText: string
}

export const defaultTracePath = path.resolve(repoRoot, '../shared/data/paper-trace.json.gz')

/**
 * Reads and checks a gzipped trace. `pointElsewhere` tells the reader how to name another file when
 * this one cannot be read (each benchmark takes the path its own way).
 */
export const loadTrace = async (
  file: string,
  pointElsewhere = 'pass --trace-file PATH to point at paper-trace.json.gz'
): Promise<EditingTrace> => {
  let compressed: Buffer
  try {
    compressed = await readFile(file)
  } catch (error) {
    throw new Error(
      `cannot read the editing trace ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}); ${pointElsewhere}`,
      { cause: error }
    )
  }
  const parsed = JSON.parse((await promisify(gunzip)(compressed)).toString('utf8')) as Partial<EditingTrace>
  const first = parsed.edits?.[0]
  if (!Array.isArray(parsed.edits) || typeof parsed.finalText !== 'string' || !Array.isArray(first) || typeof first[0] !== 'number') {
    throw new Error(`${file} is not an editing trace: expected { edits: [[position, deleteCount, insertText?], ...], finalText }`)
  }
  return parsed as EditingTrace
}

/** Applies one edit to `text` as its own transaction, the way one keystroke reaches a Y.Text. */
export const applyEdit = (text: Y.Text, [position, deleteCount, insertText]: TraceEdit): void => {
  if (deleteCount > 0) text.delete(position, deleteCount)
  if (insertText !== undefined && insertText.length > 0) text.insert(position, insertText)
}

/** Characters inserted by `edits`: the writer's Yjs clock once all of them are applied. */
export const insertedCharacters = (edits: readonly TraceEdit[]): number =>
  edits.reduce((sum, edit) => sum + (edit[2]?.length ?? 0), 0)

/**
 * Applies `edits` to a fresh Y.Doc with no network attached: the baseline the relayed replay is
 * compared with. A first pass over part of the trace warms the JIT so that the timed pass is steady.
 */
export const replayOnBareDoc = (edits: readonly TraceEdit[]): { milliseconds: number; text: string; encodedBytes: number } => {
  const warmUp = new Y.Doc()
  for (const edit of edits.slice(0, 20_000)) applyEdit(warmUp.getText('text'), edit)
  warmUp.destroy()
  const doc = new Y.Doc()
  const text = doc.getText('text')
  const started = performance.now()
  for (const edit of edits) applyEdit(text, edit)
  const milliseconds = performance.now() - started
  const result = { milliseconds, text: text.toString(), encodedBytes: Y.encodeStateAsUpdate(doc).length }
  doc.destroy()
  return result
}
