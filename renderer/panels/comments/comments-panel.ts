import { keymap } from 'prosemirror-keymap'
import type { Command, Plugin } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type * as Y from 'yjs'
import { afterNextFrame } from '../../editor/after-frame'
import { anchorRange, type CommentAnchor } from '../../../app/comments/anchors'
import type { CommentThread, CommentThreads } from '../../../app/comments/threads'
import type { UserProfile } from '../../../app/profile'
import { deniedNote, type DocumentAccess } from '../../session/access'
import { h, messageOf } from '../dom'
import { positionsUsable, syncStateOf } from '../sync-state'
import { activateThread, commentHighlightsKey, commentHighlightsPlugin, type ThreadPlace } from './comment-highlights'
import { ThreadCard } from './thread-card'
import { t } from '../../../app/i18n/translate'

export interface CommentsPanelOptions {
  readonly threads: CommentThreads
  readonly fragment: Y.XmlFragment
  /** Who this user is now: the name and colour can change in Settings while the document is open. */
  readonly profile: () => UserProfile
  readonly access: DocumentAccess
  /** The number of open (unresolved) threads changed; the tab shows it. */
  readonly onOpenCountChange: (open: number) => void
}

/** Text of the note view-only readers see instead of the comment forms. */
export const viewOnlyCommentsNote = (): string => t('comments.viewOnly')

/** What an empty comments panel says to someone who may comment. */
const emptyForWriters = (): string => t('comments.emptyForWriters')

/**
 * The comments panel (`[data-testid=comments-panel]`): **Comment** (or Ctrl/Cmd+Alt+M) opens a
 * thread on the selected text, and the list shows the open threads in document order, then those
 * whose text is pending or deleted (orphaned, with their quote); **Show resolved** adds the
 * resolved ones. Clicking highlighted text in the editor, or a thread's quote, makes that thread
 * the active one.
 */
export class CommentsPanel {
  readonly element: HTMLElement
  private readonly addButton: HTMLButtonElement
  private readonly composer: HTMLFormElement
  private readonly composerQuote: HTMLElement
  private readonly composerInput: HTMLTextAreaElement
  private readonly problem: HTMLElement
  private readonly readOnlyNote: HTMLElement
  private readonly showResolved: HTMLInputElement
  private readonly list: HTMLElement
  private readonly empty: HTMLElement
  private readonly cards = new Map<string, ThreadCard>()
  private view: EditorView | null = null
  private draft: { anchor: CommentAnchor; quote: string } | null = null
  private openCount = -1
  private cancelRender: (() => void) | null = null
  private highlightsChanged = false

  constructor(private readonly options: CommentsPanelOptions) {
    this.addButton = h('button', { type: 'button', 'data-testid': 'add-comment', title: t('comments.addTitle') }, t('comments.add'))
    this.composerQuote = h('blockquote', { class: 'thread-quote-preview', 'data-testid': 'composer-quote' })
    this.composerInput = h('textarea', { 'data-testid': 'comment-input', rows: 3, placeholder: t('comments.inputPlaceholder'), 'aria-label': t('comments.input') })
    this.composer = h(
      'form',
      { class: 'comment-composer', 'data-testid': 'comment-composer', hidden: true },
      this.composerQuote,
      this.composerInput,
      h(
        'div',
        { class: 'form-buttons' },
        h('button', { type: 'submit', 'data-testid': 'comment-submit' }, t('comments.submit')),
        h('button', { type: 'button', 'data-testid': 'comment-cancel' }, t('comments.cancel'))
      )
    )
    this.problem = h('p', { class: 'problem', role: 'alert', 'data-testid': 'comments-problem' })
    this.readOnlyNote = h('p', { class: 'read-only-note', 'data-testid': 'comments-read-only', hidden: true }, viewOnlyCommentsNote())
    this.showResolved = h('input', { type: 'checkbox', 'data-testid': 'show-resolved' })
    this.list = h('div', { class: 'thread-list', 'data-testid': 'thread-list' })
    this.empty = h('p', { class: 'panel-empty' }, emptyForWriters())
    this.element = h(
      'section',
      { class: 'panel comments-panel', 'data-testid': 'comments-panel', role: 'tabpanel', 'aria-label': t('comments.panel') },
      h('div', { class: 'panel-actions' }, this.addButton, h('label', { class: 'toggle' }, this.showResolved, ' ', t('comments.showResolved'))),
      this.readOnlyNote,
      this.composer,
      this.problem,
      this.list,
      this.empty
    )
    // mousedown, not click: the editor keeps its selection.
    this.addButton.addEventListener('mousedown', (event) => {
      event.preventDefault()
      if (this.view !== null) this.compose(this.view.state, this.view.dispatch, this.view)
    })
    this.composer.addEventListener('submit', (event) => {
      event.preventDefault()
      this.submitDraft()
    })
    this.composerInput.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault()
        this.submitDraft()
      } else if (event.key === 'Escape') this.closeComposer()
    })
    this.composer.querySelector('[data-testid=comment-cancel]')!.addEventListener('click', () => this.closeComposer())
    this.showResolved.addEventListener('change', () => this.render())
    options.access.on('change', () => this.render())
  }

  /** The editor plugins of comments: highlights (and anchors that follow their text) and the shortcut. */
  plugins(): Plugin[] {
    return [
      commentHighlightsPlugin({
        threads: this.options.threads,
        fragment: this.options.fragment,
        canEdit: () => this.options.access.canEdit,
        // Once per frame, after it is drawn: the panel shows no more often, and a burst of transactions (a paste, a
        // remote change in many steps) would otherwise redraw it for each.
        onUpdate: (view, highlightsChanged) => {
          this.view = view
          this.highlightsChanged ||= highlightsChanged
          this.cancelRender ??= afterNextFrame(() => {
            this.cancelRender = null
            this.updateAddButton()
            if (this.highlightsChanged) this.render()
            this.highlightsChanged = false
          })
        },
        onActivate: (threadId) => this.reveal(threadId)
      }),
      keymap({ 'Mod-Alt-m': this.compose })
    ]
  }

  /** Opens the composer for the selected text; `false` when there is none or the user may not comment. */
  readonly compose: Command = (state, dispatch, view) => {
    const { from, to, empty } = state.selection
    if (empty || !this.options.access.canEdit || !positionsUsable(state)) return false
    if (dispatch === undefined || view === undefined) return true
    const { type: fragment, binding } = syncStateOf(state)
    try {
      this.draft = { anchor: anchorRange(fragment, binding.mapping, from, to), quote: state.doc.textBetween(from, to, ' ', ' ') }
    } catch (error) {
      this.problem.textContent = messageOf(error)
      return true
    }
    this.problem.textContent = ''
    this.composerQuote.textContent = t('comments.quote', { quote: this.draft.quote })
    this.composer.hidden = false
    this.composerInput.focus()
    return true
  }

  private submitDraft(): void {
    if (this.draft === null) return
    try {
      const thread = this.options.threads.start(this.draft.anchor, this.draft.quote, {
        text: this.composerInput.value,
        author: this.options.profile(),
        now: Date.now()
      })
      this.closeComposer()
      if (this.view !== null) activateThread(this.view, thread.id)
    } catch (error) {
      this.problem.textContent = messageOf(error)
    }
  }

  private closeComposer(): void {
    this.draft = null
    this.composer.hidden = true
    this.composerInput.value = ''
    this.problem.textContent = ''
    this.view?.focus()
  }

  private updateAddButton(): void {
    const view = this.view
    const disabled = view === null || !this.compose(view.state)
    if (this.addButton.disabled !== disabled) this.addButton.disabled = disabled
  }

  /** Makes `threadId` active and scrolls its card (and text) into view. */
  private reveal(threadId: string): void {
    if (this.view !== null) activateThread(this.view, threadId)
    this.cards.get(threadId)?.element.scrollIntoView({ block: 'nearest' })
  }

  private show(threadId: string): void {
    const view = this.view
    if (view === null) return
    activateThread(view, threadId)
    const place = commentHighlightsKey.getState(view.state)?.places.get(threadId)
    if (place?.state !== 'anchored') return
    const { node } = view.domAtPos(place.from)
    const element = node instanceof HTMLElement ? node : node.parentElement
    element?.scrollIntoView({ block: 'center' })
  }

  private render(): void {
    const canEdit = this.options.access.canEdit
    // Written only where it differs: a render follows every change of the document.
    if (this.readOnlyNote.hidden !== canEdit) this.readOnlyNote.hidden = canEdit
    const note = this.options.access.denied ? deniedNote() : viewOnlyCommentsNote()
    if (this.readOnlyNote.textContent !== note) this.readOnlyNote.textContent = note
    if (this.addButton.hidden !== !canEdit) this.addButton.hidden = !canEdit
    if (!canEdit && !this.composer.hidden) this.composer.hidden = true
    const state = this.view === null ? undefined : commentHighlightsKey.getState(this.view.state)
    const places = state?.places ?? new Map<string, ThreadPlace>()
    const threads = this.options.threads.list()
    const shown = threads.filter((thread) => !thread.resolved || this.showResolved.checked)
    const placeOf = (thread: CommentThread): ThreadPlace => places.get(thread.id) ?? { state: 'pending' }
    shown.sort((a, b) => orderKey(placeOf(a)) - orderKey(placeOf(b)) || a.createdAt - b.createdAt)

    for (const [id, card] of this.cards) {
      if (!shown.some((thread) => thread.id === id)) {
        card.element.remove()
        this.cards.delete(id)
      }
    }
    shown.forEach((thread, index) => {
      let card = this.cards.get(thread.id)
      if (card === undefined) {
        card = new ThreadCard(thread, {
          reply: (threadId, text) => this.attempt(() => this.options.threads.reply(threadId, { text, author: this.options.profile(), now: Date.now() })),
          setResolved: (threadId, resolved) => this.attempt(() => this.options.threads.setResolved(threadId, resolved, this.options.profile(), Date.now())),
          show: (threadId) => this.show(threadId)
        })
        this.cards.set(thread.id, card)
      }
      card.update(thread, placeOf(thread), state?.active === thread.id, canEdit)
      // Move only what is out of place: moving a card would take the focus from its reply box.
      if (this.list.children[index] !== card.element) this.list.insertBefore(card.element, this.list.children[index] ?? null)
    })
    if (this.empty.hidden !== shown.length > 0) this.empty.hidden = shown.length > 0
    // A view-only reader cannot start a thread: telling them how would only puzzle them.
    const emptyText = canEdit ? emptyForWriters() : threads.length === 0 ? t('comments.noneYet') : t('comments.noneOpen')
    if (this.empty.textContent !== emptyText) this.empty.textContent = emptyText
    const open = threads.filter((thread) => !thread.resolved).length
    if (open !== this.openCount) {
      this.openCount = open
      this.options.onOpenCountChange(open)
    }
  }

  private attempt(action: () => unknown): string | null {
    try {
      action()
      return null
    } catch (error) {
      return messageOf(error)
    }
  }
}

/** Anchored threads first (in document order), then those waiting for their text, then orphaned ones. */
const orderKey = (place: ThreadPlace): number =>
  place.state === 'anchored' ? place.from : place.state === 'pending' ? Number.MAX_SAFE_INTEGER - 1 : Number.MAX_SAFE_INTEGER
