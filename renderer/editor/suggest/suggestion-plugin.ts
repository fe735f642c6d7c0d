import { Plugin } from 'prosemirror-state'
import { SuggestionMenu } from './suggestion-menu'
import { dismissMeta, type SuggestionSpec, type SuggestionState } from './suggestion-state'

/**
 * A menu that opens while the text before the cursor matches a trigger (`/` at the start of a
 * block, `@`, `:name`) and filters as the user types. Arrow keys (and Ctrl+N/P) move, Enter or
 * Tab choose, Escape closes it and leaves the text; a click chooses too. It is a `listbox` whose
 * active option the editor names with `aria-activedescendant`, so screen readers follow it while
 * the focus stays in the text. It never opens while an input method composes (the text then is
 * not final; ./composition.ts holds it back from the document too), nor in a read-only editor.
 */
export const suggestionPlugin = <Item>(spec: SuggestionSpec<Item>): Plugin<SuggestionState> => {
  let menu: SuggestionMenu<Item> | null = null
  return new Plugin<SuggestionState>({
    key: spec.key,
    state: {
      init: () => ({ match: null, dismissedAt: null }),
      apply: (tr, value, _old, state) => {
        if (tr.getMeta(spec.key) === dismissMeta) return { match: null, dismissedAt: value.match?.from ?? null }
        if (!tr.docChanged && !tr.selectionSet) return value
        const match = spec.trigger(state)
        const dismissedAt = value.dismissedAt === null ? null : tr.mapping.map(value.dismissedAt)
        if (match === null) return { match: null, dismissedAt: null }
        if (match.from === dismissedAt) return { match: null, dismissedAt }
        return { match, dismissedAt: null }
      }
    },
    props: {
      handleKeyDown: (view, event) => menu?.handleKey(view, event) ?? false,
      handleDOMEvents: {
        blur: () => {
          menu?.hide()
          return false
        },
        focus: (view) => {
          menu?.update(view)
          return false
        }
      }
    },
    view: (view) => {
      menu = new SuggestionMenu(view, spec)
      return menu
    }
  })
}
