import type { Awareness } from 'y-protocols/awareness'
import { awarenessUserOf, distinctName, namesakeNumbers } from '../../../app/presence'
import { h } from '../dom'
import { t } from '../../../app/i18n/translate'

/** Someone a private message can go to: an awareness client id and who it belongs to. */
export interface Recipient {
  readonly clientId: number
  readonly name: string
  readonly color: string
  /** Whether they are still in the document (a chosen person who leaves stays chosen, marked). */
  readonly present: boolean
}

const everyone = ''

/**
 * The chat's "To" box (`[data-testid=chat-recipient]`): Everyone (`value=""`), or one of the
 * other people in the document now (`value` = their awareness client id), for a private message.
 * A chosen person who leaves stays chosen as "NAME (left)" (`data-left`), so that nothing meant
 * for one person goes to everyone by surprise.
 */
export class RecipientPicker {
  readonly element: HTMLSelectElement
  private chosen: Recipient | null = null
  private everyoneAllowed = true
  private optionsKey = ''
  private readonly listeners = new Set<() => void>()
  private readonly onAwareness = (): void => this.refresh()

  constructor(private readonly awareness: Awareness) {
    this.element = h('select', { class: 'chat-recipient', 'data-testid': 'chat-recipient', 'aria-label': t('chat.sendTo') })
    this.element.addEventListener('change', () => {
      const before = this.describe()
      const value = this.element.value
      this.chosen = value === everyone ? null : (this.people().find((person) => String(person.clientId) === value) ?? this.chosen)
      this.refresh(before)
    })
    awareness.on('change', this.onAwareness)
    this.refresh()
  }

  /** The chosen person, or `null` for everyone. */
  get recipient(): Recipient | null {
    return this.chosen
  }

  /**
   * The people a private message can go to now, in the order they joined. Namesakes are numbered
   * as in the presence bar ("Sam Lee (2)"): a private message must not go to the wrong Sam.
   */
  people(): Recipient[] {
    const everybody: Array<{ clientId: number; name: string; color: string }> = []
    this.awareness.getStates().forEach((state, clientId) => {
      const user = awarenessUserOf(state)
      if (user !== null) everybody.push({ clientId, name: user.name, color: user.color })
    })
    const numbers = namesakeNumbers(everybody)
    return everybody
      .filter(({ clientId }) => clientId !== this.awareness.clientID)
      .map(({ clientId, name, color }) => ({ clientId, name: distinctName(name, numbers.get(clientId)), color, present: true }))
  }

  /** Chooses `clientId` (someone present) or everyone (`null`); false when that person is not here. */
  choose(clientId: number | null): boolean {
    const before = this.describe()
    if (clientId === null) {
      this.chosen = null
    } else {
      const person = this.people().find((candidate) => candidate.clientId === clientId)
      if (person === undefined) return false
      this.chosen = person
    }
    this.refresh(before)
    return true
  }

  /** View-only readers may not post to everyone (the chat is part of the document), only privately. */
  allowEveryone(allowed: boolean): void {
    if (allowed === this.everyoneAllowed) return
    this.everyoneAllowed = allowed
    this.refresh()
  }

  /** Calls `listener` when the choice, or whether the chosen person is present, changes. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    this.awareness.off('change', this.onAwareness)
    this.listeners.clear()
  }

  /** Brings the options up to date; `before` is the choice before the caller changed it. */
  private refresh(before = this.describe()): void {
    const people = this.people()
    if (this.chosen !== null) {
      const now = people.find((person) => person.clientId === this.chosen!.clientId)
      this.chosen = now ?? { ...this.chosen, present: false }
    } else if (!this.everyoneAllowed && people.length > 0) {
      this.chosen = people[0]!
    }
    const options = [h('option', { value: everyone, disabled: !this.everyoneAllowed }, t('chat.everyone'))]
    for (const person of people) options.push(h('option', { value: String(person.clientId) }, t('chat.privateOption', { name: person.name })))
    if (this.chosen !== null && !this.chosen.present) {
      options.push(h('option', { value: String(this.chosen.clientId), 'data-left': true, disabled: true }, t('chat.leftOption', { name: this.chosen.name })))
    }
    // Rebuilt only when it changed: a rebuild closes the list if the user has it open.
    const key = options.map((option) => `${option.value}/${option.textContent}/${option.disabled}`).join('|')
    if (key !== this.optionsKey) {
      this.element.replaceChildren(...options)
      this.optionsKey = key
    }
    this.element.value = this.chosen === null ? everyone : String(this.chosen.clientId)
    this.element.dataset.private = String(this.chosen !== null)
    if (this.describe() !== before) for (const listener of this.listeners) listener()
  }

  private describe(): string {
    return this.chosen === null ? 'everyone' : `${this.chosen.clientId}:${this.chosen.present}`
  }
}
