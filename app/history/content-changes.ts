import * as Y from 'yjs'

/**
 * Whether the content under `fragment` differs between `snapshot` and now: something inserted
 * since (text, elements, formatting, attributes) or something deleted since. It walks every item
 * of the fragment, deleted ones included (documents keep them, app/document.ts), so it costs one
 * pass over the document's history; it runs when a version might be taken, not per keystroke.
 */
export const contentChangedSince = (fragment: Y.XmlFragment, snapshot: Y.Snapshot): boolean => {
  const now = Y.snapshot(fragment.doc!)
  return someItem(fragment, (item) => isVisible(item, snapshot) !== isVisible(item, now))
}

/** Whether `item` is part of the document in `snapshot`: inserted before it and not deleted in it. */
const isVisible = (item: Y.Item, snapshot: Y.Snapshot): boolean =>
  (snapshot.sv.get(item.id.client) ?? 0) > item.id.clock && !Y.isDeleted(snapshot.ds, item.id)

/** Whether the fragment holds any content, deleted or not, i.e. whether it was ever written. */
export const contentEverWritten = (fragment: Y.XmlFragment): boolean => fragment._start !== null

/** What a walk needs of a Yjs type: its list items and its map items (attributes). */
interface ItemHolder {
  readonly _start: Y.Item | null
  readonly _map: Map<string, Y.Item>
}

const someItem = (type: ItemHolder, test: (item: Y.Item) => boolean): boolean => {
  for (const item of type._map.values()) {
    if (test(item)) return true
  }
  for (let item = type._start; item !== null; item = item.right) {
    if (test(item)) return true
    // A deleted element's children were deleted with it; a change inside it shows on the element.
    if (item.content instanceof Y.ContentType && !item.deleted && someItem(item.content.type, test)) return true
  }
  return false
}
