import { EditorState } from 'prosemirror-state'
import { describe, expect, it } from 'vitest'
import { schema } from '../../../app/schema'
import { applyFind, findKey, initialFindState, type FindState } from './find-state'
import { blockText, firstMatchFrom, isWordBoundary, maxMatches, searchDocument } from './search'

const { nodes: n, marks: m } = schema
const p = (...content: Array<string | ReturnType<typeof schema.text>>) =>
  n.paragraph!.create(null, content.map((part) => (typeof part === 'string' ? schema.text(part) : part)))
const doc = (...blocks: ReturnType<typeof p>[]) => n.doc!.create(null, blocks)
const texts = (document: ReturnType<typeof doc>, query: string, matchCase = false, wholeWord = false): string[] =>
  searchDocument(document, query, { matchCase, wholeWord }).matches.map(({ from, to }) => document.textBetween(from, to))

describe('searchDocument', () => {
  const sample = doc(p('The cat sat. Cats and the CAT'), p('concatenate ', schema.text('cat', [m.bold!.create()]), '!'))

  it('ignores case unless asked to match it', () => {
    expect(texts(sample, 'cat')).toEqual(['cat', 'Cat', 'CAT', 'cat', 'cat'])
    expect(texts(sample, 'cat', true)).toEqual(['cat', 'cat', 'cat'])
  })

  it('finds whole words only when asked', () => {
    expect(texts(sample, 'cat', false, true)).toEqual(['cat', 'CAT', 'cat'])
    expect(texts(sample, 'cat', true, true)).toEqual(['cat', 'cat'])
  })

  it('gives document positions, across formatting inside a block', () => {
    const { matches } = searchDocument(sample, 'concatenate cat', { matchCase: false, wholeWord: false })
    expect(matches).toHaveLength(1)
    expect(sample.textBetween(matches[0]!.from, matches[0]!.to)).toBe('concatenate cat')
  })

  it('never matches across blocks, and takes the query literally', () => {
    expect(texts(doc(p('end of one'), p('two starts')), 'one two')).toEqual([])
    expect(texts(doc(p('a.b a+b (x) [y] a*b')), 'a+b')).toEqual(['a+b'])
    expect(texts(doc(p('a.b axb')), '.')).toEqual(['.'])
    expect(texts(doc(p('anything')), '')).toEqual([])
  })

  it('keeps positions right after images, mentions and line breaks', () => {
    const withLeaves = doc(
      p('see ', n.image!.create({ src: 'https://x.test/a.png' }), ' then ', n.mention!.create({ kind: 'person', label: 'Ana', color: null }), ' and', n.hard_break!.create(), 'then')
    )
    expect(blockText(withLeaves.child(0))).toBe('see \uFFFC then \uFFFC and\uFFFCthen')
    expect(texts(withLeaves, 'then')).toEqual(['then', 'then'])
    expect(texts(withLeaves, '\uFFFC')).toEqual([])
  })

  it('finds Chinese and Japanese text, and counts every character boundary there as a word boundary', () => {
    const cjk = doc(p('我在学中文。中文很有意思！'), p('日本語のテキスト、日本'))
    expect(texts(cjk, '中文')).toEqual(['中文', '中文'])
    expect(texts(cjk, '中文', false, true)).toEqual(['中文', '中文'])
    expect(texts(cjk, '日本', false, true)).toEqual(['日本', '日本'])
    expect(texts(doc(p('Straße STRASSE straße')), 'STRASSE')).toEqual(['STRASSE'])
    expect(texts(doc(p('Ünïcödé ünïcödé')), 'ÜNÏCÖDÉ')).toEqual(['Ünïcödé', 'ünïcödé'])
  })

  it('handles characters outside the BMP at word boundaries', () => {
    const emoji = doc(p('😀cat cat😀 𝒳cat'))
    expect(texts(emoji, 'cat', false, true)).toEqual(['cat', 'cat'])
    expect(isWordBoundary('a𝒳', 1)).toBe(false)
  })

  it('stops at the limit in a document with more matches', () => {
    const many = doc(...Array.from({ length: 2000 }, () => p('a a a a a a')))
    const result = searchDocument(many, 'a', { matchCase: false, wholeWord: false })
    expect(result.matches).toHaveLength(maxMatches)
    expect(result.capped).toBe(true)
  })
})

describe('firstMatchFrom', () => {
  it('finds the first match at or after a position, wrapping to the first', () => {
    const matches = [{ from: 3, to: 5 }, { from: 10, to: 12 }, { from: 20, to: 22 }]
    expect(firstMatchFrom(matches, 0)).toBe(0)
    expect(firstMatchFrom(matches, 10)).toBe(1)
    expect(firstMatchFrom(matches, 11)).toBe(2)
    expect(firstMatchFrom(matches, 21)).toBe(0)
    expect(firstMatchFrom([], 5)).toBe(0)
  })
})

describe('the find state while the document changes', () => {
  // The plugin's state field alone, with a document edited the way typing edits it.
  const start = (document: ReturnType<typeof doc>, query: string): { state: EditorState; find: FindState } => {
    const state = EditorState.create({ doc: document, schema })
    const opened = applyFind(state.tr.setMeta(findKey, { type: 'open', replacing: false, query }), initialFindState, state)
    return { state, find: opened }
  }
  const after = (state: EditorState, find: FindState, edit: (state: EditorState) => ReturnType<EditorState['tr']['insertText']>) => {
    const tr = edit(state)
    const next = state.apply(tr)
    return { state: next, find: applyFind(tr, find, next) }
  }
  const found = (state: EditorState, find: FindState) => find.matches.map(({ from, to }) => `${from}:${state.doc.textBetween(from, to)}`)

  it('moves matches with an edit and searches again only where it was', () => {
    const long = doc(...Array.from({ length: 300 }, (_, i) => p(`line ${i} has a word`)))
    let { state, find } = start(long, 'word')
    expect(find.matches).toHaveLength(300)
    // Typing "word" into the first line adds a match there; every other one moves along.
    ;({ state, find } = after(state, find, (s) => s.tr.insertText(' word', 1 + 'line 0'.length)))
    expect(find.matches).toHaveLength(301)
    expect(find).toEqual({ ...find, matches: searchDocument(state.doc, 'word', find.options).matches })
    // Deleting the text of a match removes it.
    const second = find.matches[1]!
    ;({ state, find } = after(state, find, (s) => s.tr.delete(second.from, second.to)))
    expect(find.matches).toHaveLength(300)
    expect(found(state, find)).toEqual(found(state, { ...find, matches: searchDocument(state.doc, 'word', find.options).matches }))
    expect(find.highlights.find().length).toBe(300)
  })

  it('splits and joins of blocks keep the matches of both halves', () => {
    let { state, find } = start(doc(p('one word two word')), 'word')
    ;({ state, find } = after(state, find, (s) => s.tr.split(1 + 'one word'.length)))
    expect(found(state, find)).toEqual(['5:word', '16:word'])
    ;({ state, find } = after(state, find, (s) => s.tr.join(1 + 'one word'.length + 1)))
    expect(found(state, find)).toEqual(['5:word', '14:word'])
  })
})
