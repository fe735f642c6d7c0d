import { NodeSelection, Plugin, PluginKey, type EditorState } from 'prosemirror-state'
import type { Awareness } from 'y-protocols/awareness'
import { documentNameProblem } from '../../../app/document-name'
import type { MentionAttrs } from '../../../app/mentions'
import { awarenessUserOf, distinctName, namesakeNumbers } from '../../../app/presence'
import { schema } from '../../../app/schema'
import { filterItems, mentionTrigger, suggestionPlugin, type SuggestionState } from '../suggest'
import { mentionStrings as strings } from './strings'

/** Other documents a mention can link: those the user knows on the same relay (the home screen's recent documents). */
export interface DocumentDirectory {
  /** Names of documents on this document's relay, most recent first, without this one. */
  documents(): readonly string[]
  /** Shows document `name` of the same relay (a click on its mention). */
  open(name: string): void
}

export const mentionMenuKey = new PluginKey<SuggestionState>('mention-menu')
const mentionLinksKey = new PluginKey('mention-links')

/** A choice of the mention menu. */
interface MentionItem {
  readonly label: string
  readonly keywords: readonly string[]
  readonly attrs: MentionAttrs
  readonly shown: string
  readonly detail: string
}

const mentionType = schema.nodes.mention!

/** The people in the document now (from awareness), others first, yourself last. */
const peopleOf = (awareness: Awareness): MentionItem[] => {
  const people: Array<{ name: string; color: string; clientId: number }> = []
  awareness.getStates().forEach((state, clientId) => {
    const user = awarenessUserOf(state)
    if (user !== null) people.push({ name: user.name, color: user.color, clientId })
  })
  const numbers = namesakeNumbers(people)
  const self = awareness.clientID
  return people
    .sort((a, b) => Number(a.clientId === self) - Number(b.clientId === self) || a.name.localeCompare(b.name) || a.clientId - b.clientId)
    .map((person) => ({
      label: person.name,
      keywords: [],
      attrs: { kind: 'person', label: person.name, color: person.color },
      shown: distinctName(person.name, numbers.get(person.clientId)),
      detail: person.clientId === self ? strings.you : strings.person
    }))
}

const documentItem = (name: string): MentionItem => ({
  label: name,
  // Found by each segment too: `plan` finds `team/launch plan`.
  keywords: name.split('/'),
  attrs: { kind: 'document', label: name, color: null },
  shown: name,
  detail: strings.document
})

/** The mention at a click or the selection, when it links a document. */
const documentMentionAt = (state: EditorState): string | null => {
  const { selection } = state
  if (!(selection instanceof NodeSelection) || selection.node.type !== mentionType) return null
  const attrs = selection.node.attrs as MentionAttrs
  return attrs.kind === 'document' ? attrs.label : null
}

/**
 * Mentions (`[data-testid=mention-menu]`): `@` lists the people in the document now (from
 * awareness, with their colours) and the other documents of `directory`, filtered as the user
 * types (`@an` finds Ana Lima, `@plan` the document `launch plan`; Chinese names from any
 * character). Choosing one inserts a mention node and a space. A document's mention opens that
 * document on a click, or on Enter when it is selected.
 */
export const mentionPlugins = (awareness: Awareness, directory: DocumentDirectory | undefined): Plugin[] => [
  suggestionPlugin<MentionItem>({
    key: mentionMenuKey,
    id: 'mention-menu',
    label: strings.menu,
    trigger: mentionTrigger,
    items: (query) => [...filterItems(query, peopleOf(awareness)), ...filterItems(query, (directory?.documents() ?? []).map(documentItem))].slice(0, 10),
    option: (item) => ({
      value: `${item.attrs.kind}:${item.attrs.label}`,
      label: item.shown,
      icon: item.attrs.kind === 'person' ? '@' : '📄',
      ...(item.attrs.color === null ? {} : { iconColor: item.attrs.color }),
      detail: item.detail
    }),
    choose: (view, item, match) => {
      const tr = view.state.tr.replaceWith(match.from, match.to, [mentionType.create(item.attrs), schema.text(' ')])
      view.dispatch(tr.scrollIntoView())
      view.focus()
    }
  }),
  new Plugin({
    key: mentionLinksKey,
    props: {
      // A click opens the document (the editor does not follow links itself); a drag still selects.
      handleClickOn: (_view, _pos, node, _nodePos, event) => {
        if (node.type !== mentionType || (node.attrs as MentionAttrs).kind !== 'document' || directory === undefined) return false
        const name = (node.attrs as MentionAttrs).label
        // A peer could have written any name: only a valid one is opened.
        if (event.button !== 0 || documentNameProblem(name) !== null) return false
        event.preventDefault()
        directory.open(name)
        return true
      },
      handleKeyDown: (view, event) => {
        if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey || directory === undefined) return false
        const name = documentMentionAt(view.state)
        if (name === null || documentNameProblem(name) !== null) return false
        directory.open(name)
        return true
      }
    }
  })
]
