import { keymap } from 'prosemirror-keymap'
import { Plugin, PluginKey } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { FindBar } from './find-bar'
import { closeFind, openFind } from './find-commands'
import { applyFind, findKey, initialFindState, type FindState } from './find-state'

const currentMatchKey = new PluginKey('find-current')

/**
 * Find and replace: Mod-F opens the find bar, Mod-H (or Mod-Alt-F, for macOS where Cmd+H hides
 * the app) opens it with the replace row. Every match is highlighted (`.find-match`), the current
 * one more strongly (`.find-current`). Replacing goes through ordinary transactions, so it syncs
 * and is undone per user like typing; Replace all is one transaction, one undo step.
 * `host` is where the bar goes (it stays in view while the document scrolls).
 */
export const findPlugins = (host?: HTMLElement): Plugin[] => [
  // Escape in the text closes the bar too (after the typed menus, which take it first while they show).
  keymap({ 'Mod-f': openFind(false), 'Mod-h': openFind(true), 'Mod-Alt-f': openFind(true), Escape: closeFind }),
  new Plugin<FindState>({
    key: findKey,
    state: { init: () => initialFindState, apply: (tr, value, _old, state) => applyFind(tr, value, state) },
    props: { decorations: (state) => findKey.getState(state)?.highlights ?? null },
    view: (view) => new FindBar(view, host ?? view.dom.parentElement ?? document.body)
  }),
  // The current match in a plugin of its own: changing it then redraws one decoration, not every match's.
  new Plugin({
    key: currentMatchKey,
    props: {
      decorations: (state) => {
        const find = findKey.getState(state)
        const match = find?.matches[find.current]
        if (match === undefined) return null
        return DecorationSet.create(state.doc, [Decoration.inline(match.from, match.to, { class: 'find-current', 'data-testid': 'find-current' })])
      }
    }
  })
]
