import { Fragment, type Node } from 'prosemirror-model'
import { suggestionMarkTypes } from './marks'

/**
 * The document as it reads once every suggestion is accepted: suggested insertions kept as plain
 * text, suggested deletions dropped. Exports write this, so a file never holds struck-through
 * text or a suggester's draft marks.
 */
export const acceptedDocument = (doc: Node): Node => {
  const { insertion, deletion } = suggestionMarkTypes(doc.type.schema)
  let changed = false
  const accept = (content: Fragment): Fragment => {
    const children: Node[] = []
    content.forEach((child) => {
      if (child.isInline) {
        if (deletion.isInSet(child.marks)) {
          changed = true
          return
        }
        if (insertion.isInSet(child.marks)) {
          changed = true
          children.push(child.mark(insertion.removeFromSet(child.marks)))
          return
        }
        children.push(child)
        return
      }
      children.push(child.isLeaf ? child : child.copy(accept(child.content)))
    })
    return Fragment.from(children)
  }
  const accepted = doc.copy(accept(doc.content))
  return changed ? accepted : doc
}
