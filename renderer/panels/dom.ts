import { displayLocale } from '../i18n/page-language'
/** Small DOM helpers for the panels. */

type Child = Node | string | null | undefined | false

/** Creates `<tag>` with attributes (`data-*`, `aria-*`, `class`…; `false`/`null` leave one out) and children. */
export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | null | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] => {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue
    element.setAttribute(name, value === true ? '' : String(value))
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child)
  return element
}

/** A person's name with a dot of their colour. */
export const personLabel = (person: { name: string; color: string }, className = 'person'): HTMLElement => {
  const dot = h('span', { class: 'person-dot', 'aria-hidden': 'true' })
  dot.style.backgroundColor = /^#[0-9a-f]{6}$/i.test(person.color) ? person.color : '#888888'
  return h('span', { class: className, 'data-person': person.name }, dot, person.name)
}

const sameDay = (a: Date, b: Date): boolean => a.toDateString() === b.toDateString()

/** `<time>` for `ms` (ms since the epoch): the time of day for today, with the date otherwise. */
export const timeLabel = (ms: number, now = Date.now()): HTMLTimeElement => {
  const date = new Date(ms)
  const text = sameDay(date, new Date(now))
    ? date.toLocaleTimeString(displayLocale(), { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString(displayLocale(), { dateStyle: 'medium', timeStyle: 'short' })
  const element = h('time', { datetime: date.toISOString(), title: date.toLocaleString(displayLocale()) }, text)
  return element
}

/** The message of `error` for the user. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))
