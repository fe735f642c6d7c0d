import { describe, expect, it } from 'vitest'
import { imageFileProblem, maxImageFileBytes, schema } from './schema'

describe('schema', () => {
  it('has the node and mark types the editor offers', () => {
    expect(Object.keys(schema.nodes).sort()).toEqual(
      [
        'blockquote',
        'bullet_list',
        'code_block',
        'doc',
        'hard_break',
        'heading',
        'horizontal_rule',
        'image',
        'list_item',
        'ordered_list',
        'paragraph',
        'task_item',
        'task_list',
        'text'
      ].sort()
    )
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'code', 'italic', 'link', 'strike', 'underline'])
  })

  it('accepts an empty blockquote and list, as concurrent deletes can leave them', () => {
    expect(() => schema.nodes.blockquote!.createChecked(null, [])).not.toThrow()
    expect(() => schema.nodes.bullet_list!.createChecked(null, [])).not.toThrow()
  })

  it('refuses an image without a source', () => {
    expect(() => schema.nodes.image!.create({ src: 7 })).toThrow(/src/)
  })
})

describe('imageFileProblem', () => {
  it('accepts a small PNG', () => {
    expect(imageFileProblem({ name: 'a.png', type: 'image/png', size: 1000 })).toBeNull()
  })
  it('names the file and the limit when it is too big', () => {
    expect(imageFileProblem({ name: 'big.jpg', type: 'image/jpeg', size: maxImageFileBytes + 1 })).toMatch(
      /"big.jpg" is 2.0 MB; .* at most 2.0 MB/
    )
  })
  it('refuses a type browsers cannot show', () => {
    expect(imageFileProblem({ name: 'x.tiff', type: 'image/tiff', size: 10 })).toMatch(/"x.tiff" is image\/tiff/)
  })
})
