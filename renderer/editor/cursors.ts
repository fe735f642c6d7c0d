import type { AwarenessUser } from '../../app/presence'
import { t } from '../../app/i18n/translate'

/**
 * Builds a remote cursor for y-prosemirror's cursor plugin: the standard `.ProseMirror-yjs-cursor`
 * caret with the person's name, tagged with `data-user` and `data-client-id` so that the presence
 * bar can scroll to it.
 */
export const buildCursor = (user: Partial<AwarenessUser>, clientId: number): HTMLElement => {
  const color = typeof user.color === 'string' ? user.color : '#888888'
  const name = typeof user.name === 'string' ? user.name : t('editor.someone')
  const cursor = document.createElement('span')
  cursor.className = 'ProseMirror-yjs-cursor'
  cursor.style.borderColor = color
  cursor.dataset.user = name
  cursor.dataset.clientId = String(clientId)
  // Not document text: a screen reader would read the name as part of the paragraph. Who is
  // where is in the presence bar.
  cursor.setAttribute('aria-hidden', 'true')
  const label = document.createElement('div')
  label.style.backgroundColor = color
  label.textContent = name
  // Word joiners keep the caret from breaking a line on its own.
  cursor.append('\u2060', label, '\u2060')
  return cursor
}

/** Highlights a remote selection in the person's colour, translucent. */
export const buildSelection = (user: Partial<AwarenessUser>): { style: string; class: string } => ({
  style: `background-color: ${typeof user.color === 'string' ? user.color : '#888888'}40`,
  class: 'ProseMirror-yjs-selection'
})
