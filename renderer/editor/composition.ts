import { Plugin, PluginKey, type PluginView } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { wrapPluginView } from './wrap-plugin-view'

/** Holds the document's remote updates for a while (`renderer/session/remote-update-gate.ts`). */
export interface RemoteUpdateHold {
  /** From now on, document updates that arrive are kept instead of applied. */
  hold(): void
  /** Applies the kept updates in the order they arrived, and applies new ones at once again. */
  release(): void
}

export const compositionKey = new PluginKey('composition')

/**
 * Keeps an input-method (IME) composition out of the shared document until it ends, and remote
 * edits from breaking it.
 *
 * While the user composes (pinyin "nihao" before it becomes 你好), ProseMirror puts each step of
 * the composition into its document, and y-prosemirror would write each one into the Y.Doc and
 * send it; and each remote change would make y-prosemirror redraw the paragraph, which breaks the
 * composition, so that the input method commits every step as text. So, from compositionstart
 * until the composition has ended:
 *
 * - the sync and cursor plugins' views, which write the editor's document and cursor into Yjs,
 *   do not run (`pausedWhileComposing`); their next update writes the finished text at once;
 * - remote updates are held (`remote`), so that this write is made against the document the
 *   composition started from and cannot undo a remote edit; they are applied right after it.
 *
 * Remote updates wait as long as the composition lasts, usually a second or two.
 */
export const compositionPlugin = (remote: RemoteUpdateHold): Plugin =>
  new Plugin({
    key: compositionKey,
    props: {
      handleDOMEvents: {
        compositionstart: (view) => {
          guards.get(view)?.start()
          return false
        },
        compositionend: (view) => {
          // ProseMirror reads the committed text after this event (in a microtask): finish after it.
          guards.get(view)?.finishSoon()
          return false
        }
      }
    },
    view: (view) => {
      const guard = new CompositionGuard(view, remote)
      guards.set(view, guard)
      return guard
    }
  })

/**
 * The same plugin with its view's `update` skipped while `view.composing`: used for y-prosemirror's
 * sync and cursor plugins, whose views write the editor's state into Yjs on every update.
 */
export const pausedWhileComposing = (plugin: Plugin): Plugin =>
  wrapPluginView(plugin, (inner) => ({
    update: (updated, previous) => {
      if (!updated.composing) inner.update?.(updated, previous)
    },
    destroy: () => inner.destroy?.()
  }))

const guards = new WeakMap<EditorView, CompositionGuard>()

class CompositionGuard implements PluginView {
  private holding = false
  /** Whether ProseMirror has been composing since `start`; until then its updates are ordinary. */
  private composed = false
  private finishTimer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly view: EditorView,
    private readonly remote: RemoteUpdateHold
  ) {}

  start(): void {
    clearTimeout(this.finishTimer)
    if (this.holding) return
    this.holding = true
    this.composed = false
    this.remote.hold()
  }

  finishSoon(): void {
    clearTimeout(this.finishTimer)
    this.finishTimer = setTimeout(() => this.finish(), 0)
  }

  update(view: EditorView): void {
    if (!this.holding) return
    if (view.composing) this.composed = true
    // A composition can also end without compositionend (ProseMirror drops one on Android after
    // a pause, or when the selection moves away).
    else if (this.composed) this.finishSoon()
  }

  destroy(): void {
    clearTimeout(this.finishTimer)
    guards.delete(this.view)
    if (this.holding) this.remote.release()
  }

  private finish(): void {
    if (!this.holding || this.view.composing || this.view.isDestroyed) return
    this.holding = false
    // An update with nothing in it: the sync plugin's view runs again and writes the composed text.
    this.view.dispatch(this.view.state.tr)
    this.remote.release()
  }
}
