import { describe, expect, it } from 'vitest'
import { countWords, countWordsInText } from './word-count'
import { schema } from './schema'

const { doc, paragraph, heading, bullet_list, list_item, hard_break, horizontal_rule } = schema.nodes as Record<
  string,
  import('prosemirror-model').NodeType
>

describe('countWordsInText', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['one', 1],
    ["don't stop co-authoring", 3],
    ['Überlegungen, 2026: 会议 — ok?', 5],
    ['a\nb\tc', 3],
    // Chinese and Japanese are written without spaces: each character counts, as in Google Docs.
    ['我们今天去公园。天气很好！', 11],
    ['コーヒーを飲みます', 9],
    ['用 JavaScript 写代码', 5],
    ['JS库', 2],
    // Korean separates its words with spaces.
    ['안녕하세요 세계', 2]
  ])('%j has %i words', (text, words) => {
    expect(countWordsInText(text)).toBe(words)
  })
})

describe('countWords', () => {
  it('counts across nested blocks and never joins words across blocks or line breaks', () => {
    const document = doc!.create(null, [
      heading!.create({ level: 1 }, schema.text('Title here')),
      paragraph!.create(null, [schema.text('end'), hard_break!.create(), schema.text('start')]),
      horizontal_rule!.create(),
      bullet_list!.create(null, [list_item!.create(null, paragraph!.create(null, schema.text('one two three')))])
    ])
    expect(countWords(document)).toBe(7)
  })

  it('recounts an edited block after an edit', () => {
    const before = doc!.create(null, [paragraph!.create(null, schema.text('alpha beta')), paragraph!.create(null, schema.text('gamma'))])
    expect(countWords(before)).toBe(3)
    const after = before.replace(1, 1, before.slice(1, 6))
    expect(after.child(0).textContent).toBe('alphaalpha beta')
    expect(countWords(after)).toBe(3)
    expect(countWords(doc!.create(null, [paragraph!.create(null, schema.text('x y z w')), after.child(1)]))).toBe(5)
  })
})
