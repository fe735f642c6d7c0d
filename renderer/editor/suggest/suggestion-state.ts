import type { EditorState, PluginKey, Transaction } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { TriggerMatch } from './trigger'

/** How an item is shown: its label, and optionally a symbol before it and a note after it. */
export interface SuggestionOption {
  /** Stable id of the item (`data-item`). */
  readonly value: string
  readonly label: string
  readonly icon?: string
  /** A colour for the icon (a person's). */
  readonly iconColor?: string
  readonly detail?: string
}

/** What a suggestion plugin knows: the trigger text at the cursor, unless the user dismissed it. */
export interface SuggestionState {
  readonly match: TriggerMatch | null
  /** Where a trigger was dismissed with Escape: it stays closed there, and opens again for a new trigger. */
  readonly dismissedAt: number | null
}

/** One kind of suggestion menu: the slash menu, mentions, emoji. */
export interface SuggestionSpec<Item> {
  readonly key: PluginKey<SuggestionState>
  /** `data-testid` and id prefix of the listbox. */
  readonly id: string
  /** The listbox's accessible name. */
  readonly label: string
  /** Finds the trigger text at the cursor (`./trigger.ts`). */
  readonly trigger: (state: EditorState) => TriggerMatch | null
  /** The items for `query`, best first; an empty list hides the menu. */
  readonly items: (query: string, state: EditorState, match: TriggerMatch) => readonly Item[]
  readonly option: (item: Item) => SuggestionOption
  /** Replaces the trigger text (`match`) with what `item` stands for. */
  readonly choose: (view: EditorView, item: Item, match: TriggerMatch) => void
}

export const dismissMeta = 'dismiss'

/** Closes the menu of `key` at its current trigger, leaving the typed text as it is. */
export const dismissSuggestion = (key: PluginKey<SuggestionState>, tr: Transaction): Transaction => tr.setMeta(key, dismissMeta)

