import { Plugin, PluginKey, type Command } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { Awareness } from 'y-protocols/awareness'
import { awarenessUserOf, distinctName, initialsOf, namesakeNumbers, type AwarenessUser } from '../../app/presence'
import { t } from '../../app/i18n/translate'

/**
 * Someone shown in the presence bar. `ordinal` tells apart people of the same name (1, 2…, see
 * `namesakeNumbers`); `null` for a name nobody else has.
 */
export type PresencePersonView = AwarenessUser & { readonly clientId: number; readonly self: boolean; readonly ordinal: number | null }

/** Adds controls of another feature (e.g. private messages) to a person's entry in the bar. */
export type PresenceDecorator = (item: HTMLElement, person: PresencePersonView) => void

/** The person whose cursor the view follows, by awareness client id, or `null`. */
export const presenceKey = new PluginKey<{ following: number | null }>('presence')

/** Starts following `clientId`'s cursor, or stops with `null`. */
export const followUser =
  (clientId: number | null): Command =>
  (state, dispatch) => {
    dispatch?.(state.tr.setMeta(presenceKey, { following: clientId }))
    return true
  }

/** Scrolls the view to `clientId`'s cursor; false when that person has no cursor in the document. */
export const scrollToUser = (view: EditorView, clientId: number): boolean => {
  const cursor = view.dom.querySelector<HTMLElement>(`.ProseMirror-yjs-cursor[data-client-id="${clientId}"]`)
  if (cursor === null) return false
  const box = cursor.getBoundingClientRect()
  if (box.top < 0 || box.bottom > window.innerHeight) cursor.scrollIntoView({ block: 'center' })
  return true
}

/**
 * The presence bar (`[data-testid=presence]`): one avatar per person in the document, yourself
 * first, with `data-user` (their name), initials, colour and a tooltip of name and status.
 * Clicking someone scrolls to their cursor; their "follow" toggle keeps scrolling to it.
 */
export const presencePlugin = (
  awareness: Awareness,
  container: HTMLElement,
  decorate?: PresenceDecorator
): Plugin<{ following: number | null }> =>
  new Plugin<{ following: number | null }>({
    key: presenceKey,
    state: {
      init: () => ({ following: null }),
      apply: (tr, value) => (tr.getMeta(presenceKey) as { following: number | null } | undefined) ?? value
    },
    view: (view) => new PresenceBarView(view, awareness, container, decorate)
  })

class PresenceBarView {
  private readonly onAwarenessChange = (): void => this.render()
  private rendered = ''

  constructor(
    private view: EditorView,
    private readonly awareness: Awareness,
    private readonly container: HTMLElement,
    private readonly decorate?: PresenceDecorator
  ) {
    container.dataset.testid = 'presence'
    container.classList.add('presence-bar')
    awareness.on('change', this.onAwarenessChange)
    this.render()
  }

  update(view: EditorView): void {
    this.view = view
    this.render()
  }

  destroy(): void {
    this.awareness.off('change', this.onAwarenessChange)
    this.container.replaceChildren()
  }

  private render(): void {
    const following = presenceKey.getState(this.view.state)?.following ?? null
    const people = this.people()
    if (following !== null && !people.some((person) => person.clientId === following)) {
      // The followed person left: stop following on the next tick, outside this update.
      queueMicrotask(() => followUser(null)(this.view.state, this.view.dispatch))
    }
    // Rebuild only when something shown changed, so that a click is never lost to a re-render.
    const signature = JSON.stringify([following, people])
    if (signature !== this.rendered) {
      this.rendered = signature
      this.container.replaceChildren(...people.map((person) => this.avatar(person, following === person.clientId)))
    }
    if (following !== null) scrollToUser(this.view, following)
  }

  private people(): PresencePersonView[] {
    const people: Array<AwarenessUser & { clientId: number; self: boolean }> = []
    this.awareness.getStates().forEach((state, clientId) => {
      const user = awarenessUserOf(state)
      if (user !== null) people.push({ ...user, clientId, self: clientId === this.awareness.clientID })
    })
    const numbers = namesakeNumbers(people)
    return people
      .map((person) => ({ ...person, ordinal: numbers.get(person.clientId) ?? null }))
      .sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId)
  }

  private avatar(person: PresencePersonView, followed: boolean): HTMLElement {
    const item = document.createElement('span')
    item.className = 'presence-person'
    item.dataset.user = person.name
    item.dataset.clientId = String(person.clientId)
    item.dataset.status = person.status
    const avatar = document.createElement('button')
    avatar.type = 'button'
    avatar.className = 'avatar'
    avatar.style.backgroundColor = person.color
    avatar.textContent = initialsOf(person.name)
    // Same name, same initials: a number tells namesakes apart, on the avatar and in its name.
    const name = distinctName(person.name, person.ordinal ?? undefined)
    if (person.ordinal !== null) {
      const ordinal = document.createElement('span')
      ordinal.className = 'avatar-ordinal'
      ordinal.textContent = String(person.ordinal)
      avatar.append(ordinal)
      item.dataset.ordinal = String(person.ordinal)
    }
    const status = t(`presence.status.${person.status}`)
    avatar.title = t('presence.tooltip', { name: person.self ? t('presence.you', { name }) : name, status })
    avatar.setAttribute('aria-label', avatar.title)
    item.append(avatar)
    if (person.self) {
      item.dataset.self = 'true'
      return item
    }
    avatar.addEventListener('click', () => {
      if (!scrollToUser(this.view, person.clientId)) avatar.title = t('presence.noCursor', { name, status })
    })
    const follow = document.createElement('button')
    follow.type = 'button'
    follow.className = 'follow'
    follow.dataset.testid = 'follow'
    follow.textContent = followed ? t('presence.following') : t('presence.follow')
    follow.title = followed ? t('presence.stopFollowing', { name }) : t('presence.keepInView', { name })
    // Named for its person: a screen reader lists buttons by name, and "Follow" ×3 says nothing.
    follow.setAttribute('aria-label', followed ? t('presence.stopFollowing', { name }) : t('presence.followName', { name }))
    follow.setAttribute('aria-pressed', String(followed))
    follow.addEventListener('click', () => followUser(followed ? null : person.clientId)(this.view.state, this.view.dispatch))
    item.append(follow)
    this.decorate?.(item, person)
    return item
  }
}
