import { dropCursor } from 'prosemirror-dropcursor'
import { gapCursor } from 'prosemirror-gapcursor'
import { EditorState, type Plugin } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { schema } from '../../app/schema'
import { compositionPlugin, pausedWhileComposing, type RemoteUpdateHold } from './composition'
import { buildCursor, buildSelection } from './cursors'
import { imageFilesPlugin } from './image-files'
import { imageFormPlugin } from './image-form'
import { imageViewPlugin } from './image-view'
import { markdownInputRules } from './input-rules'
import { oncePerFrame } from './once-per-frame'
import { editorKeymaps } from './keymap'
import { linkEditorPlugin } from './link-editor'
import type { ShowNotice } from './notices'
import { pastePlugin } from './paste'
import { placeholderPlugin } from './placeholder'
import { presencePlugin, type PresenceDecorator } from './presence-bar'
import { selectionBlocksPlugin } from './selection-blocks'
import { blockWindowPlugin } from './block-window-plugin'
import { tableMenuPlugin, tablePlugins } from './tables'
import { taskItemsPlugin } from './task-items'
import { toolbarPlugin } from './toolbar'
import { wordCountPlugin } from './word-count-plugin'
import { emojiPlugins } from './emoji'
import { findPlugins } from './find'
import { mentionPlugins, type DocumentDirectory } from './mentions'
import { slashMenuPlugin } from './slash-menu'
import { suggestedTransaction } from './suggesting'
import './editing-tools.css'
import { t } from '../../app/i18n/translate'

/** Where the editor's parts go in the page. */
export interface EditorMounts {
  readonly editor: HTMLElement
  readonly toolbar: HTMLElement
  readonly presence: HTMLElement
  readonly wordCount: HTMLElement
  /** Where the find bar goes; by default beside the document, in its scrolling area. */
  readonly findBar?: HTMLElement
}

export interface EditorOptions {
  readonly fragment: Y.XmlFragment
  readonly awareness: Awareness
  /** Holds the document's remote updates while the user composes with an input method. */
  readonly remoteUpdates: RemoteUpdateHold
  readonly mounts: EditorMounts
  readonly showNotice: ShowNotice
  readonly placeholder?: string
  /** y-prosemirror's sync options: who wrote what, so that versions show it (renderer/panels/). */
  readonly sync?: YSyncOptions
  /** Plugins of features outside the editor (comments, version view), after the editor's own. */
  readonly plugins?: readonly Plugin[]
  /** Extra controls per person in the presence bar (private messages). */
  readonly presenceDecorator?: PresenceDecorator
  /** Other documents that `@` can mention and open. */
  readonly documents?: DocumentDirectory
}

/** The options `ySyncPlugin` takes. */
export type YSyncOptions = NonNullable<Parameters<typeof ySyncPlugin>[1]>

/**
 * Creates the collaborative editor: a ProseMirror view bound to `fragment` by y-prosemirror
 * (sync, remote cursors, per-user undo), with the editor's features as plugins. The view edits
 * the local Y.Doc only; it never waits for the network.
 */
export const createEditor = (options: EditorOptions): EditorView => {
  const { mounts } = options
  const state = EditorState.create({
    schema,
    plugins: [
      // Neither writes to Yjs while an input method composes (./composition.ts).
      pausedWhileComposing(ySyncPlugin(options.fragment, options.sync)),
      // The local cursor goes to the others once per frame, not once per transaction.
      oncePerFrame(pausedWhileComposing(yCursorPlugin(options.awareness, { cursorBuilder: buildCursor, selectionBuilder: buildSelection }))),
      compositionPlugin(options.remoteUpdates),
      yUndoPlugin(),
      // Menus typed into the text (/, @, :name) take their keys before the keymaps do.
      slashMenuPlugin(),
      ...mentionPlugins(options.awareness, options.documents),
      ...emojiPlugins(),
      ...findPlugins(mounts.findBar),
      markdownInputRules(),
      ...editorKeymaps(),
      dropCursor(),
      gapCursor(),
      // Tables (./tables): after the keymaps and the gap cursor, as prosemirror-tables asks.
      ...tablePlugins(),
      tableMenuPlugin(),
      linkEditorPlugin(),
      imageFormPlugin(),
      imageFilesPlugin(options.showNotice),
      imageViewPlugin(),
      pastePlugin(options.showNotice),
      taskItemsPlugin(),
      placeholderPlugin(options.placeholder ?? t('editor.placeholder')),
      selectionBlocksPlugin(),
      blockWindowPlugin(),
      wordCountPlugin(mounts.wordCount),
      toolbarPlugin(mounts.toolbar),
      presencePlugin(options.awareness, mounts.presence, options.presenceDecorator),
      ...(options.plugins ?? [])
    ]
  })
  return new EditorView(mounts.editor, {
    state,
    // Suggesting mode (./suggesting) replaces a change by its suggestion before it is applied.
    dispatchTransaction(this: EditorView, tr) {
      this.updateState(this.state.apply(suggestedTransaction(this.state, tr)))
    },
    attributes: { 'aria-label': t('editor.document'), spellcheck: 'true' }
  })
}
