/**
 * Code that runs inside the benchmark's pages (passed to `page.evaluate`). Each function is
 * self-contained: Playwright sends its source text, not its closure.
 */
import type {} from '../../renderer/diagnostics'
import type { TraceEdit } from '../relay/trace'

interface KeystrokeProbe {
  /** Absolute times (timeOrigin + timeStamp) of keydowns, in order. */
  sent: number[]
  /** keydown → editor state and DOM hold the character (ms). */
  localState: number[]
  /** keydown → the next animation frame after that (ms). */
  localFrame: number[]
  /** Absolute times at which a remote change grew this page's document. */
  arrivals: number[]
}

declare global {
  interface Window {
    keystrokeProbe?: KeystrokeProbe
  }
}

/**
 * Installs the keystroke probe: a capturing keydown listener and a MutationObserver created after
 * ProseMirror's own, so that its callback runs once ProseMirror has read the DOM change and
 * dispatched the transaction (with every plugin view updated).
 */
export const installKeystrokeProbe = (): void => {
  const view = window.ensembleEditor!.view
  const probe: KeystrokeProbe = { sent: [], localState: [], localFrame: [], arrivals: [] }
  window.keystrokeProbe = probe
  let pending: { at: number; size: number } | null = null
  let lastSize = view.state.doc.content.size
  window.addEventListener(
    'keydown',
    (event) => {
      pending = { at: event.timeStamp, size: view.state.doc.content.size }
      probe.sent.push(performance.timeOrigin + event.timeStamp)
    },
    true
  )
  new MutationObserver(() => {
    const size = view.state.doc.content.size
    const now = performance.now()
    if (pending !== null && size > pending.size) {
      const started = pending.at
      pending = null
      probe.localState.push(now - started)
      requestAnimationFrame(() => probe.localFrame.push(performance.now() - started))
    } else if (pending === null && size > lastSize) {
      probe.arrivals.push(performance.timeOrigin + now)
    }
    lastSize = size
  }).observe(view.dom, { subtree: true, childList: true, characterData: true })
}

/** Resolves `performance.now()` (ms since navigation) once the document shows `words` words and is editable. */
export const whenEditable = (words: number): number | false => {
  const count = document.querySelector<HTMLElement>('[data-testid=word-count]')?.dataset.words
  const editor = document.querySelector<HTMLElement>('.ProseMirror')
  return count === String(words) && editor?.contentEditable === 'true' ? performance.now() : false
}

/**
 * Watches this page's document until its text equals `finalText`; the time lands in
 * `window.traceDoneAt` (absolute ms).
 */
export const watchForText = (finalText: string): void => {
  const view = window.ensembleEditor!.view
  // Every line is a paragraph: its characters plus an opening and a closing token, where the
  // text had one newline between lines.
  const targetSize = finalText.length + finalText.split('\n').length + 1
  const check = (): void => {
    const { doc } = view.state
    if (doc.content.size !== targetSize) return
    if (doc.textBetween(0, doc.content.size, '\n') !== finalText) return
    ;(window as unknown as { traceDoneAt: number }).traceDoneAt = performance.timeOrigin + performance.now()
    observer.disconnect()
  }
  const observer = new MutationObserver(check)
  observer.observe(view.dom, { subtree: true, childList: true, characterData: true })
  check()
}

/**
 * Replays `edits` (`[position, deleteCount, insertText?]` on a plain string) through the editor,
 * `editsPerTransaction` edits per ProseMirror transaction (1: every keystroke its own), lines of
 * the text as paragraphs. Yields to the event loop every `slice` edits so that the page keeps
 * sending. Resolves with the time taken (ms) and whether the editor ends with `finalText`.
 */
export const replayTrace = async ({
  edits,
  finalText,
  slice,
  editsPerTransaction
}: {
  edits: readonly TraceEdit[]
  finalText: string
  slice: number
  editsPerTransaction: number
}): Promise<{ applyMs: number; startedAt: number; matches: boolean }> => {
  const view = window.ensembleEditor!.view
  const lineLengths = [0]
  // Line index and offset of a character position of the plain text.
  const locate = (position: number): { line: number; offset: number } => {
    let line = 0
    let offset = position
    while (offset > lineLengths[line]!) {
      offset -= lineLengths[line]! + 1
      line++
    }
    return { line, offset }
  }
  const startedAt = performance.timeOrigin + performance.now()
  const started = performance.now()
  let tr = view.state.tr
  for (let index = 0; index < edits.length; index++) {
    const [position, deleteCount, text] = edits[index]!
    for (let i = 0; i < deleteCount; i++) {
      const { line, offset } = locate(position)
      const pos = position + line + 1
      if (offset === lineLengths[line]) {
        tr.delete(pos, pos + 2)
        lineLengths.splice(line, 2, lineLengths[line]! + lineLengths[line + 1]!)
      } else {
        tr.delete(pos, pos + 1)
        lineLengths[line]!--
      }
    }
    let at = position
    // Positions count UTF-16 code units, as the trace's do.
    for (const char of (text ?? '').split('')) {
      const { line, offset } = locate(at)
      const pos = at + line + 1
      if (char === '\n') {
        tr.split(pos)
        lineLengths.splice(line, 1, offset, lineLengths[line]! - offset)
      } else {
        tr.insertText(char, pos)
        lineLengths[line]!++
      }
      at++
    }
    if (index % editsPerTransaction === editsPerTransaction - 1 || index === edits.length - 1) {
      view.dispatch(tr)
      tr = view.state.tr
    }
    if (index % slice === slice - 1) await new Promise((resolve) => setTimeout(resolve, 0))
  }
  const applyMs = performance.now() - started
  const { doc } = view.state
  return { applyMs, startedAt, matches: doc.textBetween(0, doc.content.size, '\n') === finalText }
}
