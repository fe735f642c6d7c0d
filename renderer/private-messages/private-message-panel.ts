import type { Awareness } from 'y-protocols/awareness'
import { awarenessUserOf } from '../../app/presence'
import { maxPrivateMessageLength } from '../../app/private-message'
import type { PresenceDecorator } from '../editor/presence-bar'
import type { ConversationEntry, PrivateMessageChannel } from './private-message-channel'

/**
 * The private message UI: a "Message" button beside each person in the presence bar (with an
 * unread count), and a panel (`[data-testid=private-messages]`) holding the conversation with one
 * person. Only sender and recipient ever see a message; the panel says so.
 */
export class PrivateMessagePanel {
  private readonly panel = document.createElement('aside')
  private readonly title = document.createElement('h2')
  private readonly list = document.createElement('ol')
  private readonly input = document.createElement('textarea')
  private readonly sendButton = document.createElement('button')
  private readonly status = document.createElement('p')
  private readonly unread = new Map<number, number>()
  private readonly buttons = new Map<number, HTMLButtonElement>()
  private openWith: number | null = null
  private readonly stopEntries: () => void
  private readonly onAwarenessChange = (): void => this.refreshHeader()

  constructor(
    container: HTMLElement,
    private readonly channel: PrivateMessageChannel,
    private readonly awareness: Awareness
  ) {
    this.panel.className = 'private-messages'
    this.panel.dataset.testid = 'private-messages'
    this.panel.hidden = true
    const header = document.createElement('header')
    const close = document.createElement('button')
    close.type = 'button'
    close.textContent = '×'
    close.title = 'Close'
    close.setAttribute('aria-label', 'Close private messages')
    close.addEventListener('click', () => this.close())
    header.append(this.title, close)
    const note = document.createElement('p')
    note.className = 'private-note'
    note.textContent = 'Only the two of you see these messages. They are not saved in the document.'
    this.list.dataset.testid = 'private-message-list'
    const form = document.createElement('form')
    this.input.dataset.testid = 'private-message-input'
    this.input.rows = 2
    this.input.maxLength = maxPrivateMessageLength
    this.input.placeholder = 'Write a private message'
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault()
        form.requestSubmit()
      }
    })
    this.sendButton.type = 'submit'
    this.sendButton.textContent = 'Send'
    this.sendButton.dataset.testid = 'private-message-send'
    this.status.className = 'problem'
    this.status.setAttribute('role', 'alert')
    form.append(this.input, this.sendButton, this.status)
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      this.send()
    })
    this.panel.append(header, note, this.list, form)
    container.append(this.panel)
    this.stopEntries = channel.onEntry((clientId, entry) => this.onEntry(clientId, entry))
    awareness.on('change', this.onAwarenessChange)
  }

  /** For the presence bar: adds the "Message" button to each other person's avatar. */
  readonly decorate: PresenceDecorator = (item, person) => {
    if (person.self) return
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'message-person'
    button.dataset.testid = 'message-person'
    button.title = `Send ${person.name} a private message`
    button.setAttribute('aria-label', button.title)
    button.addEventListener('click', () => this.open(person.clientId))
    this.buttons.set(person.clientId, button)
    this.showUnread(person.clientId)
    item.append(button)
  }

  open(clientId: number): void {
    this.openWith = clientId
    this.unread.delete(clientId)
    this.showUnread(clientId)
    this.panel.hidden = false
    this.panel.dataset.with = String(clientId)
    this.status.textContent = ''
    this.list.replaceChildren(...this.channel.entriesWith(clientId).map((entry) => this.line(entry)))
    this.refreshHeader()
    this.input.focus()
  }

  close(): void {
    this.openWith = null
    this.panel.hidden = true
    delete this.panel.dataset.with
  }

  destroy(): void {
    this.stopEntries()
    this.awareness.off('change', this.onAwarenessChange)
    this.panel.remove()
  }

  private send(): void {
    if (this.openWith === null) return
    try {
      this.channel.send(this.openWith, this.input.value)
      this.input.value = ''
      this.status.textContent = ''
    } catch (error) {
      this.status.textContent = `Not sent: ${error instanceof Error ? error.message : String(error)}.`
    }
  }

  private onEntry(clientId: number, entry: ConversationEntry): void {
    if (this.openWith === null && entry.direction === 'in') this.open(clientId)
    else if (this.openWith === clientId) {
      const existing = this.list.querySelector<HTMLElement>(`[data-id="${entry.id}"][data-direction="${entry.direction}"]`)
      if (existing !== null) existing.replaceWith(this.line(entry))
      else this.list.append(this.line(entry))
      this.list.lastElementChild?.scrollIntoView({ block: 'nearest' })
    } else if (entry.direction === 'in') {
      this.unread.set(clientId, (this.unread.get(clientId) ?? 0) + 1)
      this.showUnread(clientId)
    }
  }

  private line(entry: ConversationEntry): HTMLElement {
    const item = document.createElement('li')
    item.dataset.testid = 'private-message'
    item.dataset.id = entry.id
    item.dataset.direction = entry.direction
    item.dataset.status = entry.status
    const text = document.createElement('span')
    text.className = 'private-text'
    text.textContent = entry.text
    const time = document.createElement('time')
    time.dateTime = new Date(entry.at).toISOString()
    time.textContent = new Date(entry.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    item.append(text, time)
    if (entry.status === 'undelivered') {
      const reason = document.createElement('span')
      reason.className = 'private-undelivered'
      reason.textContent = `Not delivered: ${entry.reason ?? 'the relay did not say why'}.`
      item.append(reason)
    }
    return item
  }

  private showUnread(clientId: number): void {
    const button = this.buttons.get(clientId)
    if (button === undefined) return
    const count = this.unread.get(clientId) ?? 0
    button.dataset.unread = String(count)
    button.textContent = count > 0 ? `✉ ${count}` : '✉'
  }

  /** The header names the person, or says they left (sending is then off). */
  private refreshHeader(): void {
    if (this.openWith === null) return
    const state = this.awareness.getStates().get(this.openWith)
    const user = state === undefined ? null : awarenessUserOf(state)
    const present = user !== null
    this.title.textContent = present ? `Private messages with ${user.name}` : 'Private messages (they have left the document)'
    this.input.disabled = !present
    this.sendButton.disabled = !present
  }
}
