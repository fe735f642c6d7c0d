/**
 * The floor of bench:editor: ProseMirror alone (the app's schema, its base keymap, no Yjs, no
 * plugins of the app), in the same page layout and CSS as the app's editor. Bundled by
 * `bare-page.ts` and started in a page with `window.startBareEditor(documentJSON)`.
 */
import { baseKeymap } from 'prosemirror-commands'
import { keymap } from 'prosemirror-keymap'
import { Node } from 'prosemirror-model'
import { EditorState } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import type {} from '../../renderer/diagnostics'
import { schema } from '../../app/schema'

declare global {
  interface Window {
    startBareEditor?: (documentJSON: unknown) => void
  }
}

window.startBareEditor = (documentJSON) => {
  const page = document.createElement('div')
  page.className = 'editor-screen'
  page.innerHTML = `
    <div class="editor-body">
      <div class="editor-scroll"><article class="editor-slot"></article></div>
    </div>`
  document.body.replaceChildren(page)
  const state = EditorState.create({ schema, doc: Node.fromJSON(schema, documentJSON), plugins: [keymap(baseKeymap)] })
  const view = new EditorView(page.querySelector('.editor-slot')!, { state })
  window.ensembleEditor = { view } as NonNullable<Window['ensembleEditor']>
}
