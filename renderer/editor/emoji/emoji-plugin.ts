import { InputRule, inputRules } from 'prosemirror-inputrules'
import { PluginKey, type Plugin } from 'prosemirror-state'
import { emojiTrigger, suggestionPlugin, type SuggestionState } from '../suggest'
import { emojiByName, searchEmoji, type EmojiEntry } from './emoji-search'
import { t } from '../../../app/i18n/translate'

export const emojiMenuKey = new PluginKey<SuggestionState>('emoji-menu')

/** The emoji menu's accessible name; the emoji's own names are the dataset's (English, as GitHub's shortcodes are). */
export const emojiStrings = {
  get menu(): string {
    return t('emoji.menu')
  }
}

/**
 * `:name:` becomes its emoji as the closing colon is typed (Backspace right after it gives the
 * text back, as after any input rule); not in code. The colon may be the full-width `：` of a
 * Chinese keyboard.
 */
const shortcodeRule = new InputRule(
  /(?:^|[^A-Za-z0-9_:：])([:：]([a-z0-9_+-]+)[:：])$/i,
  (state, match, start, end) => {
    const emoji = emojiByName(match[2]!)
    if (emoji === undefined) return null
    const from = start + match[0].length - match[1]!.length
    return state.tr.insertText(emoji, from, end)
  },
  { inCodeMark: false }
)

/**
 * Emoji by name: `:` and two letters list the matching emoji (`[data-testid=emoji-menu]`; the
 * GitHub shortcodes of `gemoji`, also found by their tags: `:happy` finds 😀), and Enter, Tab or
 * a click inserts the chosen one; `:name:` typed out in full is replaced on the closing colon.
 */
export const emojiPlugins = (): Plugin[] => [
  suggestionPlugin<{ entry: EmojiEntry; name: string }>({
    key: emojiMenuKey,
    id: 'emoji-menu',
    label: emojiStrings.menu,
    trigger: emojiTrigger,
    items: (query) => searchEmoji(query),
    option: ({ entry, name }) => ({ value: name, label: `:${name}:`, icon: entry.emoji }),
    choose: (view, { entry }, match) => {
      view.dispatch(view.state.tr.insertText(entry.emoji, match.from, match.to).scrollIntoView())
      view.focus()
    }
  }),
  inputRules({ rules: [shortcodeRule] })
]
