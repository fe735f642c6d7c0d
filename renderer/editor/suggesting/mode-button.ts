import type { Command, EditorState } from 'prosemirror-state'
import { t } from '../../../app/i18n/translate'
import { isSuggesting, toggleSuggesting } from './suggesting-plugin'

/**
 * The toolbar's Editing / Suggesting switch (`[data-command=suggesting]`, pressed in suggesting
 * mode). Disabled where the mode cannot change: for a suggester, always pressed; for a viewer.
 * Its words are read when the toolbar is built, in the page's language.
 */
export const suggestingModeButton = {
  id: 'suggesting',
  get label(): string {
    return t('suggestions.mode')
  },
  get title(): string {
    return t('suggestions.modeTitle')
  },
  command: toggleSuggesting satisfies Command,
  active: (state: EditorState): boolean => isSuggesting(state)
}
