import type { CommentThread } from '../../../app/comments/threads'
import { h, personLabel, timeLabel } from '../dom'
import type { ThreadPlace } from './comment-highlights'
import { t } from '../../../app/i18n/translate'

/** What a thread card asks of the panel. */
export interface ThreadCardActions {
  reply(threadId: string, text: string): string | null
  setResolved(threadId: string, resolved: boolean): string | null
  show(threadId: string): void
}

/**
 * One thread in the comments panel (`[data-testid=comment-thread]` with `data-thread-id`,
 * `data-place` anchored|orphaned|pending and `data-resolved`). Updated in place, so a reply being
 * typed survives other people's changes.
 */
export class ThreadCard {
  readonly element: HTMLElement
  private readonly quote: HTMLButtonElement
  private readonly orphanedLabel: HTMLElement
  private readonly comments: HTMLOListElement
  private readonly status: HTMLElement
  private readonly replyForm: HTMLFormElement
  private readonly replyInput: HTMLTextAreaElement
  private readonly problem: HTMLElement
  private readonly resolveButton: HTMLButtonElement
  private readonly reopenButton: HTMLButtonElement
  private rendered = ''

  constructor(
    private thread: CommentThread,
    private readonly actions: ThreadCardActions
  ) {
    this.quote = h('button', { type: 'button', class: 'thread-quote', 'data-testid': 'thread-quote', title: t('comments.quoteTitle') })
    this.orphanedLabel = h('span', { class: 'orphaned-label', 'data-testid': 'orphaned-label' }, t('comments.orphaned'))
    this.comments = h('ol', { class: 'comments' })
    this.status = h('p', { class: 'thread-status', 'data-testid': 'thread-status' })
    this.replyInput = h('textarea', { 'data-testid': 'reply-input', rows: 1, placeholder: t('comments.replyPlaceholder'), 'aria-label': t('comments.reply') })
    this.problem = h('p', { class: 'problem', role: 'alert', 'data-testid': 'reply-problem' })
    this.replyForm = h(
      'form',
      { class: 'reply-form', 'data-testid': 'reply-form' },
      this.replyInput,
      h('button', { type: 'submit', 'data-testid': 'reply-submit' }, t('comments.reply')),
      this.problem
    )
    this.resolveButton = h('button', { type: 'button', class: 'thread-action', 'data-testid': 'resolve-thread' }, t('comments.resolve'))
    this.reopenButton = h('button', { type: 'button', class: 'thread-action', 'data-testid': 'reopen-thread' }, t('comments.reopen'))
    this.element = h(
      'article',
      { class: 'comment-thread', 'data-testid': 'comment-thread', 'data-thread-id': thread.id },
      h('header', { class: 'thread-header' }, this.quote, this.orphanedLabel, this.resolveButton, this.reopenButton),
      this.comments,
      this.status,
      this.replyForm
    )
    this.quote.addEventListener('click', () => this.actions.show(this.thread.id))
    this.resolveButton.addEventListener('click', () => this.report(this.actions.setResolved(this.thread.id, true)))
    this.reopenButton.addEventListener('click', () => this.report(this.actions.setResolved(this.thread.id, false)))
    this.replyForm.addEventListener('submit', (event) => {
      event.preventDefault()
      const problem = this.actions.reply(this.thread.id, this.replyInput.value)
      this.report(problem)
      if (problem === null) this.replyInput.value = ''
    })
    this.replyInput.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault()
        this.replyForm.requestSubmit()
      }
    })
  }

  update(thread: CommentThread, place: ThreadPlace, active: boolean, canEdit: boolean): void {
    this.thread = thread
    const { dataset } = this.element
    if (dataset.place !== place.state) dataset.place = place.state
    if (dataset.resolved !== String(thread.resolved)) dataset.resolved = String(thread.resolved)
    this.element.classList.toggle('active', active)
    this.orphanedLabel.hidden = place.state !== 'orphaned'
    this.resolveButton.hidden = thread.resolved
    this.reopenButton.hidden = !thread.resolved
    this.resolveButton.disabled = this.reopenButton.disabled = !canEdit
    this.replyForm.hidden = !canEdit || thread.resolved
    // The comments and status change rarely; rebuild them only when they did.
    const signature = JSON.stringify([thread.quote, thread.comments, thread.resolved, thread.statusChangedBy, thread.statusChangedAt])
    if (signature === this.rendered) return
    this.rendered = signature
    this.quote.textContent = t('comments.quote', { quote: thread.quote })
    this.comments.replaceChildren(
      ...thread.comments.map((comment) =>
        h(
          'li',
          { class: 'comment', 'data-testid': 'comment', 'data-author': comment.author.name },
          h('div', { class: 'comment-meta' }, personLabel(comment.author), timeLabel(comment.createdAt)),
          h('p', { class: 'comment-text' }, comment.text)
        )
      )
    )
    const by = thread.statusChangedBy
    const at = thread.statusChangedAt
    this.status.replaceChildren(...(by === null || at === null ? [] : [t(thread.resolved ? 'comments.resolvedBy' : 'comments.reopenedBy', { name: by }), timeLabel(at)]))
    this.status.hidden = by === null
  }

  private report(problem: string | null): void {
    this.problem.textContent = problem ?? ''
  }
}
