import type { EditorState, Plugin } from 'prosemirror-state'
import { afterNextFrame } from './after-frame'
import { wrapPluginView } from './wrap-plugin-view'

/**
 * The same plugin with its view's `update` run at most once per frame, once the frame is drawn,
 * with the view as it is then, instead of on every transaction. Used for y-prosemirror's cursor plugin, whose view
 * publishes the local cursor to the others (awareness) on every update: once per frame is all
 * they can see, and each publication costs two position conversions and a message to the relay.
 */
export const oncePerFrame = (plugin: Plugin): Plugin =>
  wrapPluginView(plugin, (inner) => {
    let cancel: (() => void) | null = null
    let previous: EditorState | null = null
    return {
      update: (updated, previousState) => {
        previous ??= previousState
        cancel ??= afterNextFrame(() => {
          cancel = null
          const before = previous!
          previous = null
          inner.update?.(updated, before)
        })
      },
      destroy: () => {
        cancel?.()
        inner.destroy?.()
      }
    }
  })
