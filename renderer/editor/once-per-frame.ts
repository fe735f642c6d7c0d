import type { EditorState, Plugin } from 'prosemirror-state'
import { wrapPluginView } from './wrap-plugin-view'

/**
 * The same plugin with its view's `update` run at most once per animation frame, with the view as
 * it is then, instead of on every transaction. Used for y-prosemirror's cursor plugin, whose view
 * publishes the local cursor to the others (awareness) on every update: once per frame is all
 * they can see, and each publication costs two position conversions and a message to the relay.
 */
export const oncePerFrame = (plugin: Plugin): Plugin =>
  wrapPluginView(plugin, (inner) => {
    let frame: number | null = null
    let previous: EditorState | null = null
    return {
      update: (updated, previousState) => {
        previous ??= previousState
        frame ??= requestAnimationFrame(() => {
          frame = null
          const before = previous!
          previous = null
          inner.update?.(updated, before)
        })
      },
      destroy: () => {
        if (frame !== null) cancelAnimationFrame(frame)
        inner.destroy?.()
      }
    }
  })
