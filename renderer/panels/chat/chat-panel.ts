import type { Awareness } from 'y-protocols/awareness'
import { ChatLog, chatTextProblem, maxChatMessageLength, unreadCount, type ChatMessage } from '../../../app/chat/chat-log'
import { othersIn, PresenceLines, type PresenceLine } from '../../../app/chat/presence-lines'
import { awarenessUserOf } from '../../../app/presence'
import { maxPrivateMessageLength } from '../../../app/private-message'
import type { UserProfile } from '../../../app/profile'
import type { ConversationEntry, PrivateMessageChannel } from '../../private-messages/private-message-channel'
import { deniedNote, type DocumentAccess } from '../../session/access'
import { h, messageOf, personLabel, timeLabel } from '../dom'
import { privateItem, type PrivateChatEntry } from './private-item'
import { RecipientPicker } from './recipient-picker'
import { t } from '../../../app/i18n/translate'

/** What the chat needs of the connection: whether this copy is in sync with the relay. */
export interface SyncEvents {
  readonly synced: boolean
  on(name: 'sync', handler: (synced: boolean) => void): void
  off(name: 'sync', handler: (synced: boolean) => void): void
}

export interface ChatPanelOptions {
  readonly chat: ChatLog
  /** Who this user is now: the name and colour can change in Settings while the document is open. */
  readonly profile: () => UserProfile
  readonly access: DocumentAccess
  readonly awareness: Awareness
  readonly connection: SyncEvents
  /** Private messages through the relay (message type 100): shown here, never stored. */
  readonly privateMessages: PrivateMessageChannel
  /** Where this browser remembers the last message read (localStorage). */
  readonly readMarker: { load(): string | null; save(messageId: string): void }
  /** The number of unread messages changed; the tab's badge shows it. */
  readonly onUnreadChange: (count: number) => void
}

/** Text of the note view-only readers see instead of the message box. */
export const viewOnlyChatNote = (): string => t('chat.viewOnly')

/** What the chat shows besides the document's messages, seen by this page only. */
type LocalLine = { readonly kind: 'presence'; readonly line: PresenceLine } | { readonly kind: 'private'; readonly message: PrivateChatEntry }

/** A local line and the message it came after (`null`: before every message). */
interface PlacedLine {
  readonly local: LocalLine
  readonly afterMessageId: string | null
}

/**
 * The chat panel (`[data-testid=chat-panel]`): the document's messages (`[data-testid=chat-message]`
 * with `data-author`) with the author's name, colour and time, lines when someone joins or leaves
 * (`[data-testid=chat-system]` with `data-kind` joined|left; seen by this copy from awareness and
 * never stored), private messages to or from this page (`[data-testid=chat-private]`, see
 * `private-item.ts`; never stored either), and a message box (Enter sends, Shift+Enter starts a new
 * line) with a "To" box: everyone, or one person present for a private message. While the panel is
 * hidden, messages from others count as unread.
 */
export class ChatPanel {
  readonly element: HTMLElement
  private readonly list: HTMLOListElement
  private readonly form: HTMLFormElement
  private readonly input: HTMLTextAreaElement
  private readonly sendButton: HTMLButtonElement
  private readonly recipients: RecipientPicker
  private readonly problem: HTMLElement
  private readonly readOnlyNote: HTMLElement
  private readonly presence = new PresenceLines()
  private readonly lines: PlacedLine[] = []
  /** Private messages by direction and id, so that an undelivered notice updates its line. */
  private readonly privateLines = new Map<string, number>()
  private privateUnread = 0
  private renderedIds: string[] = []
  private lastRead: string | null
  private visible = false
  private unreadMessages = -1
  private readonly stops: Array<() => void> = []

  constructor(private readonly options: ChatPanelOptions) {
    this.list = h('ol', { class: 'chat-messages', 'data-testid': 'chat-messages', 'aria-live': 'polite' })
    this.input = h('textarea', {
      'data-testid': 'chat-input',
      rows: 2,
      'aria-label': t('chat.message'),
      maxlength: Math.max(maxChatMessageLength, maxPrivateMessageLength)
    })
    this.recipients = new RecipientPicker(options.awareness)
    this.sendButton = h('button', { type: 'submit', 'data-testid': 'chat-send' }, t('chat.send'))
    this.form = h(
      'form',
      { class: 'chat-form', 'data-testid': 'chat-form' },
      h('label', { class: 'chat-to' }, t('chat.to'), this.recipients.element),
      h('div', { class: 'chat-compose' }, this.input, this.sendButton)
    )
    this.problem = h('p', { class: 'problem', role: 'alert', 'data-testid': 'chat-problem' })
    this.readOnlyNote = h('p', { class: 'read-only-note', 'data-testid': 'chat-read-only', hidden: true }, viewOnlyChatNote())
    this.element = h(
      'section',
      { class: 'panel chat-panel', 'data-testid': 'chat-panel', role: 'tabpanel', 'aria-label': t('chat.panel') },
      this.list,
      this.readOnlyNote,
      this.problem,
      this.form
    )
    this.lastRead = options.readMarker.load()
    this.form.addEventListener('submit', (event) => {
      event.preventDefault()
      this.send()
    })
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault()
        this.send()
      }
    })
    this.stops.push(options.chat.onChange(() => this.render()))
    this.stops.push(options.privateMessages.onEntry((clientId, entry) => this.onPrivateEntry(clientId, entry)))
    this.stops.push(this.recipients.onChange(() => this.render()))
    this.stops.push(() => this.recipients.destroy())
    const onSync = (synced: boolean): void => {
      if (synced) this.presence.resume(this.others())
      else this.presence.pause()
    }
    options.connection.on('sync', onSync)
    this.stops.push(() => options.connection.off('sync', onSync))
    if (options.connection.synced) this.presence.resume(this.others())
    const onAwareness = (): void => {
      const last = this.options.chat.messages().at(-1)?.id ?? null
      const added = this.presence.observe(this.others(), Date.now())
      if (added.length === 0) return
      this.lines.push(...added.map((line) => ({ local: { kind: 'presence' as const, line }, afterMessageId: last })))
      this.render(true)
    }
    options.awareness.on('change', onAwareness)
    this.stops.push(() => options.awareness.off('change', onAwareness))
    const onAccess = (): void => this.render()
    options.access.on('change', onAccess)
    this.stops.push(() => options.access.off('change', onAccess))
    this.render()
  }

  /** How many messages from others arrived since this browser last showed the chat. */
  get unread(): number {
    return Math.max(0, this.unreadMessages)
  }

  /** Addresses the next message to `clientId` privately (the presence bar's ✉ button). */
  messagePerson(clientId: number): void {
    if (this.recipients.choose(clientId)) this.input.focus()
  }

  /** The panel became visible or hidden; what is visible counts as read. */
  setVisible(visible: boolean): void {
    this.visible = visible
    this.render()
    if (visible) this.scrollToEnd()
  }

  destroy(): void {
    for (const stop of this.stops.splice(0)) stop()
  }

  private scrollToEnd(): void {
    this.list.scrollTop = this.list.scrollHeight
  }

  /** Everyone else in the document; this user's other tabs (same name) are not news either. */
  private others(): UserProfile[] {
    return othersIn(this.options.awareness.getStates() as Map<number, Record<string, unknown>>, this.options.awareness.clientID).filter(
      (person) => person.name !== this.options.profile().name
    )
  }

  private send(): void {
    const recipient = this.recipients.recipient
    if (recipient !== null) {
      this.sendPrivately(recipient.clientId)
      return
    }
    const problem = chatTextProblem(this.input.value)
    if (problem !== null) {
      this.problem.textContent = this.input.value.trim() === '' ? '' : t('chat.cannotSend', { problem })
      return
    }
    if (!this.options.access.canEdit) return
    try {
      this.options.chat.send(this.input.value, this.options.profile(), Date.now())
      this.input.value = ''
      this.problem.textContent = ''
    } catch (error) {
      this.problem.textContent = messageOf(error)
    }
  }

  private sendPrivately(clientId: number): void {
    const recipient = this.recipients.recipient
    if (recipient === null || !recipient.present) {
      this.problem.textContent = t('chat.recipientLeft', { name: recipient?.name ?? t('chat.thatPerson') })
      return
    }
    if (this.input.value.trim() === '') return
    try {
      this.options.privateMessages.send(clientId, this.input.value)
      this.input.value = ''
      this.problem.textContent = ''
    } catch (error) {
      this.problem.textContent = t('chat.notSent', { reason: messageOf(error) })
    }
  }

  private onPrivateEntry(clientId: number, entry: ConversationEntry): void {
    const key = `${entry.direction}:${entry.id}`
    const index = this.privateLines.get(key)
    if (index !== undefined) {
      const placed = this.lines[index]!
      if (placed.local.kind === 'private') this.lines[index] = { ...placed, local: { kind: 'private', message: { ...placed.local.message, entry } } }
    } else {
      const user = this.recipients.people().find((person) => person.clientId === clientId) ?? this.personOf(clientId)
      const person = { clientId, name: user.name, color: user.color }
      this.privateLines.set(key, this.lines.length)
      this.lines.push({ local: { kind: 'private', message: { entry, person } }, afterMessageId: this.options.chat.messages().at(-1)?.id ?? null })
      if (entry.direction === 'in' && !this.visible) this.privateUnread++
    }
    this.render(true)
  }

  /** Who `clientId` is by their awareness state; someone already gone has no name left to show. */
  private personOf(clientId: number): { name: string; color: string } {
    const state = this.options.awareness.getStates().get(clientId)
    const user = state === undefined ? null : awarenessUserOf(state)
    return user ?? { name: t('chat.someoneWhoLeft'), color: '#888888' }
  }

  private renderForm(): void {
    const canEdit = this.options.access.canEdit
    this.recipients.allowEveryone(canEdit)
    const recipient = this.recipients.recipient
    // A view-only reader with nobody to write to privately has nothing to send.
    this.form.hidden = !canEdit && recipient === null
    this.readOnlyNote.hidden = canEdit
    this.readOnlyNote.textContent = this.options.access.denied ? deniedNote() : viewOnlyChatNote()
    this.sendButton.disabled = recipient !== null && !recipient.present
    this.input.placeholder =
      recipient === null
        ? t('chat.placeholderEveryone')
        : recipient.present
          ? t('chat.placeholderPrivate', { name: recipient.name })
          : t('chat.placeholderLeft', { name: recipient.name })
  }

  private render(linesChanged = false): void {
    this.renderForm()
    const messages = this.options.chat.messages()
    const ids = messages.map((message) => message.id)
    const nearBottom = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 40
    const appendOnly = !linesChanged && this.renderedIds.every((id, index) => ids[index] === id)
    if (appendOnly) {
      for (const message of messages.slice(this.renderedIds.length)) this.list.append(this.messageItem(message))
    } else {
      this.list.replaceChildren(...this.items(messages))
    }
    if (ids.length !== this.renderedIds.length || linesChanged) {
      if (nearBottom || this.visible) this.scrollToEnd()
    }
    this.renderedIds = ids
    if (this.visible && typeof document !== 'undefined' && document.visibilityState === 'visible' && ids.length > 0 && this.lastRead !== ids.at(-1)) {
      this.lastRead = ids.at(-1)!
      this.options.readMarker.save(this.lastRead)
    }
    if (this.visible) this.privateUnread = 0
    const unread = this.visible ? 0 : unreadCount(messages, this.lastRead, this.options.profile().name) + this.privateUnread
    if (unread !== this.unreadMessages) {
      this.unreadMessages = unread
      this.options.onUnreadChange(unread)
    }
  }

  /** Messages in order, each join or leave line after the message it followed. */
  private items(messages: readonly ChatMessage[]): HTMLElement[] {
    const items: HTMLElement[] = []
    const linesAfter = (id: string | null): void => {
      for (const placed of this.lines) if (placed.afterMessageId === id) items.push(this.localItem(placed.local))
    }
    linesAfter(null)
    for (const message of messages) {
      items.push(this.messageItem(message))
      linesAfter(message.id)
    }
    return items
  }

  private messageItem(message: ChatMessage): HTMLLIElement {
    const own = message.author.name === this.options.profile().name
    return h(
      'li',
      { class: own ? 'chat-message own' : 'chat-message', 'data-testid': 'chat-message', 'data-author': message.author.name },
      h('div', { class: 'chat-meta' }, personLabel(message.author), timeLabel(message.sentAt)),
      h('p', { class: 'chat-text' }, message.text)
    )
  }

  private localItem(local: LocalLine): HTMLLIElement {
    return local.kind === 'presence' ? this.lineItem(local.line) : privateItem(local.message, (clientId) => this.messagePerson(clientId))
  }

  private lineItem(line: PresenceLine): HTMLLIElement {
    return h(
      'li',
      { class: 'chat-system', 'data-testid': 'chat-system', 'data-kind': line.kind, 'data-person': line.person.name },
      personLabel(line.person),
      line.kind === 'joined' ? t('chat.joined') : t('chat.left'),
      timeLabel(line.at)
    )
  }
}
