import type { ConversationEntry } from '../../private-messages/private-message-channel'
import { h, personLabel, timeLabel } from '../dom'
import { t } from '../../../app/i18n/translate'

/** A private message as the chat shows it: the entry and the other person of the conversation. */
export interface PrivateChatEntry {
  readonly entry: ConversationEntry
  /** The other person: the recipient of a message sent, the sender of one received. */
  readonly person: { readonly clientId: number; readonly name: string; readonly color: string }
}

/**
 * One private message in the chat list (`[data-testid=chat-private]` with `data-direction` in|out,
 * `data-status` sent|received|undelivered and `data-person`): marked private, with who it is from
 * or to, its time, and why the relay could not deliver it. A received one has a Reply button
 * (`private-reply`) that addresses the answer to its sender.
 */
export const privateItem = ({ entry, person }: PrivateChatEntry, reply: (clientId: number) => void): HTMLLIElement => {
  const incoming = entry.direction === 'in'
  const meta = h(
    'div',
    { class: 'chat-meta' },
    h('span', { class: 'private-tag' }, incoming ? t('chat.privateFrom') : t('chat.privateTo')),
    personLabel(person),
    timeLabel(entry.at)
  )
  const item = h(
    'li',
    {
      class: incoming ? 'chat-message chat-private' : 'chat-message chat-private own',
      'data-testid': 'chat-private',
      'data-id': entry.id,
      'data-direction': entry.direction,
      'data-status': entry.status,
      'data-person': person.name
    },
    meta,
    h('p', { class: 'chat-text' }, entry.text)
  )
  if (entry.status === 'undelivered') {
    item.append(h('p', { class: 'problem', 'data-testid': 'private-undelivered' }, t('chat.notDelivered', { reason: entry.reason ?? t('chat.noReason') })))
  }
  if (incoming) {
    const button = h('button', { type: 'button', class: 'link-button', 'data-testid': 'private-reply' }, t('chat.replyPrivately'))
    button.addEventListener('click', () => reply(person.clientId))
    meta.append(button)
  }
  return item
}
