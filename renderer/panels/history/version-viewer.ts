import { EditorState } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { ySyncPlugin } from 'y-prosemirror'
import type * as Y from 'yjs'
import type { DocumentAuthors } from '../../../app/history/authors'
import type { Version, VersionHistory } from '../../../app/history/versions'
import { schema } from '../../../app/schema'
import type { YSyncOptions } from '../../editor/create-editor'
import { h, personLabel, timeLabel } from '../dom'
import { syncStateOf } from '../sync-state'
import { t } from '../../../app/i18n/translate'

export interface VersionViewerOptions {
  readonly fragment: Y.XmlFragment
  readonly history: VersionHistory
  /** The same authorship and colours the editor's sync plugin has. */
  readonly sync: YSyncOptions
  /** Who deleted what: written a second late (`flushDeletions`), and from other copies whenever they arrive. */
  readonly authors: Pick<DocumentAuthors, 'flushDeletions' | 'onAttributionChanged'>
  /** Where the version's view goes (next to the editor, which is hidden meanwhile). */
  readonly container: HTMLElement
  /** The live editor's element, hidden while a version is shown. */
  readonly editorElement: HTMLElement
  /** Whether the user may restore (a write). */
  readonly canEdit: () => boolean
  readonly onRestore: (version: Version) => void
  /** A version was shown or closed. */
  readonly onChange: (shown: Version | null) => void
}

/**
 * Shows a version read-only (`[data-testid=version-view]`, in place of the editor): the
 * document as it was, with the changes since the previous version inline. y-prosemirror renders
 * it from the Yjs snapshots and `PermanentUserData`: added text in `<ins data-ychange="added">`
 * in its author's colour, removed text in `<del data-ychange="removed">`, struck through.
 *
 * The version gets a view of its own, bound to the same fragment and never editable, instead of
 * switching the editor into snapshot mode: y-prosemirror renders snapshots on a timer, and a render
 * that lands after the editor went back to live mode would be written into the document. A view
 * that is destroyed instead of switched back can never do that.
 */
export class VersionViewer {
  private readonly element: HTMLElement
  private readonly heading: HTMLElement
  private readonly details: HTMLElement
  private readonly restoreButton: HTMLButtonElement
  private readonly slot: HTMLElement
  private view: EditorView | null = null
  private shown: Version | null = null
  private readonly stopHistory: () => void
  private readonly stopAttribution: () => void
  private frame: number | null = null

  constructor(private readonly options: VersionViewerOptions) {
    this.heading = h('strong', { class: 'version-title', 'data-testid': 'version-title' })
    this.details = h('span', { class: 'version-details' })
    this.restoreButton = h(
      'button',
      { type: 'button', 'data-testid': 'restore-version', title: t('history.restoreTitle') },
      t('history.restore')
    )
    const closeButton = h('button', { type: 'button', 'data-testid': 'close-version' }, t('history.back'))
    this.slot = h('article', { class: 'editor-slot version-slot', 'aria-label': t('history.versionView') })
    this.element = h(
      'div',
      { class: 'version-view', 'data-testid': 'version-view', hidden: true },
      h(
        'div',
        { class: 'version-banner', 'data-testid': 'version-banner', role: 'status' },
        h('div', { class: 'version-summary' }, this.heading, this.details),
        h(
          'div',
          { class: 'version-legend' },
          h('ins', { class: 'ychange ychange-added' }, t('history.added')),
          t('history.and'),
          h('del', { class: 'ychange ychange-removed' }, t('history.removed')),
          t('history.sincePrevious')
        ),
        h('div', { class: 'form-buttons' }, this.restoreButton, closeButton)
      ),
      this.slot
    )
    options.container.prepend(this.element)
    this.restoreButton.addEventListener('click', () => {
      const version = this.shown
      if (version === null) return
      this.close()
      options.onRestore(version)
    })
    closeButton.addEventListener('click', () => this.close())
    // A version saved meanwhile can change which one is "previous" (versions taken at the same time elsewhere).
    this.stopHistory = options.history.onChange(() => {
      if (this.shown !== null) this.render(this.shown)
    })
    // Deletions are attributed once their author's copy has written them: the version then shows
    // who removed what (once per frame, however many arrive).
    this.stopAttribution = options.authors.onAttributionChanged(() => {
      this.frame ??= requestAnimationFrame(() => {
        this.frame = null
        if (this.shown !== null) this.render(this.shown)
      })
    })
  }

  get current(): Version | null {
    return this.shown
  }

  show(version: Version): void {
    // This copy's own latest deletions, so that the version names who made them at once.
    this.options.authors.flushDeletions()
    this.shown = version
    this.render(version)
    this.options.onChange(version)
  }

  close(): void {
    if (this.shown === null) return
    this.shown = null
    this.view?.destroy()
    this.view = null
    this.slot.replaceChildren()
    this.element.hidden = true
    this.options.editorElement.hidden = false
    this.options.onChange(null)
  }

  destroy(): void {
    this.stopHistory()
    this.stopAttribution()
    if (this.frame !== null) cancelAnimationFrame(this.frame)
    this.view?.destroy()
    this.element.remove()
  }

  private render(version: Version): void {
    const previous = this.options.history.previous(version)
    this.heading.textContent = version.name
    this.details.replaceChildren(
      ' · ',
      personLabel(version.author),
      ' · ',
      timeLabel(version.createdAt),
      previous === null ? t('history.firstVersion') : t('history.comparedWith', { name: previous.name })
    )
    this.element.dataset.versionId = version.id
    this.restoreButton.hidden = !this.options.canEdit()
    this.element.hidden = false
    this.options.editorElement.hidden = true
    if (this.view === null) {
      const state = EditorState.create({ schema, plugins: [ySyncPlugin(this.options.fragment, this.options.sync)] })
      this.view = new EditorView(this.slot, { state, editable: () => false, attributes: { 'data-testid': 'version-content' } })
    }
    syncStateOf(this.view.state).binding.renderSnapshot(version.snapshot, previous?.snapshot)
  }
}
