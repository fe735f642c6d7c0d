import { EditorState, TextSelection } from 'prosemirror-state'
import { describe, expect, it } from 'vitest'
import { schema } from '../../../app/schema'
import { blockTypeItems } from '../slash-menu/block-types'
import { searchEmoji, emojiByName } from '../emoji/emoji-search'
import { filterItems, matchRank } from './matching'
import { emojiTrigger, mentionTrigger, slashTrigger } from './trigger'

const labels = (query: string): string[] => filterItems(query, blockTypeItems).map((item) => item.label)

describe('filterItems (the slash menu)', () => {
  it('lists every block type for a bare slash, in order', () => {
    expect(labels('')).toEqual(blockTypeItems.map((item) => item.label))
  })

  it('filters as the user types: /hea shows the headings, /h2 the second', () => {
    expect(labels('hea')).toEqual(['Heading 1', 'Heading 2', 'Heading 3'])
    expect(labels('h2')).toEqual(['Heading 2'])
    expect(labels('HEADING 3')).toEqual(['Heading 3'])
  })

  it('finds by keyword and by a word inside the label, after label prefixes', () => {
    expect(labels('todo')).toEqual(['Task list'])
    expect(labels('list')).toEqual(['Bulleted list', 'Numbered list', 'Task list'])
    expect(labels('hr')).toEqual(['Divider'])
    expect(labels('q')).toEqual(['Quote'])
    expect(labels('zzz')).toEqual([])
  })

  it('matches full-width letters and Chinese from any character', () => {
    expect(labels('ｈｅａ')).toEqual(['Heading 1', 'Heading 2', 'Heading 3'])
    const translated = [
      { label: '一级标题', keywords: ['h1'] },
      { label: '二级标题', keywords: ['h2'] },
      { label: '引用', keywords: ['quote'] }
    ]
    expect(filterItems('标题', translated).map((item) => item.label)).toEqual(['一级标题', '二级标题'])
    expect(filterItems('引', translated).map((item) => item.label)).toEqual(['引用'])
    expect(matchRank('王', { label: '王芳' })).toBe(0)
    expect(matchRank('芳', { label: '王芳' })).toBe(2)
    // One Latin letter does not match from inside a word.
    expect(matchRank('a', { label: 'Bob' })).toBeNull()
  })
})

describe('searchEmoji', () => {
  it('puts the exact shortcode first, then prefixes, then words and tags', () => {
    const names = searchEmoji('smile').map((found) => found.name)
    expect(names[0]).toBe('smile')
    expect(names).toContain('smiley')
    expect(searchEmoji('tada')[0]!.entry.emoji).toBe('🎉')
    expect(searchEmoji('happy').map((found) => found.entry.emoji)).toContain('😀')
    expect(searchEmoji('qqqqq')).toEqual([])
    expect(emojiByName('heart')).toBe('❤️')
  })
})

/** A state with one paragraph holding `before|after`, the cursor at the bar. */
const stateAt = (before: string, after = '', options: { code?: boolean } = {}): EditorState => {
  const block = options.code === true ? schema.nodes.code_block! : schema.nodes.paragraph!
  const text = before + after
  const doc = schema.nodes.doc!.create(null, [block.create(null, text === '' ? [] : [schema.text(text)])])
  const state = EditorState.create({ doc, schema })
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1 + before.length)))
}

describe('triggers', () => {
  it('opens the slash menu only for / at the start of an otherwise empty block', () => {
    expect(slashTrigger(stateAt('/'))).toEqual({ from: 1, to: 2, query: '' })
    expect(slashTrigger(stateAt('/hea'))).toEqual({ from: 1, to: 5, query: 'hea' })
    expect(slashTrigger(stateAt('/heading 1'))).toMatchObject({ query: 'heading 1' })
    expect(slashTrigger(stateAt('、'))).toMatchObject({ query: '' })
    expect(slashTrigger(stateAt('a /hea'))).toBeNull()
    expect(slashTrigger(stateAt('/hea', ' text after'))).toBeNull()
    expect(slashTrigger(stateAt('/ space first'))).toBeNull()
    expect(slashTrigger(stateAt('/', '', { code: true }))).toBeNull()
  })

  it('opens mentions after @ that starts a word, not in e-mail addresses', () => {
    expect(mentionTrigger(stateAt('Ask @'))).toEqual({ from: 5, to: 6, query: '' })
    expect(mentionTrigger(stateAt('Ask @Ana L'))).toMatchObject({ query: 'Ana L' })
    expect(mentionTrigger(stateAt('你好@王'))).toMatchObject({ query: '王' })
    expect(mentionTrigger(stateAt('mail ana@example.com'))).toBeNull()
    expect(mentionTrigger(stateAt('@ nobody'))).toBeNull()
  })

  it('opens emoji after : and two letters, not in times or addresses', () => {
    expect(emojiTrigger(stateAt('Great :sm'))).toEqual({ from: 7, to: 10, query: 'sm' })
    expect(emojiTrigger(stateAt('Great :s'))).toBeNull()
    expect(emojiTrigger(stateAt('at 10:30'))).toBeNull()
    expect(emojiTrigger(stateAt('https://x'))).toBeNull()
    expect(emojiTrigger(stateAt('好：smile'))).toMatchObject({ query: 'smile' })
    expect(emojiTrigger(stateAt(':smile:'))).toBeNull()
  })
})
