import type { Version, VersionHistory } from '../../../app/history/versions'
import { maxVersionNameLength } from '../../../app/history/versions'
import type { UserProfile } from '../../../app/profile'
import { deniedNote, type DocumentAccess } from '../../session/access'
import { h, messageOf, personLabel, timeLabel } from '../dom'
import type { VersionViewer } from './version-viewer'
import { t } from '../../../app/i18n/translate'

export interface HistoryPanelOptions {
  readonly history: VersionHistory
  readonly viewer: VersionViewer
  /** Who this user is now: the name and colour can change in Settings while the document is open. */
  readonly profile: () => UserProfile
  readonly access: DocumentAccess
  /** Shown between the save form and the list (the "who wrote what" switch). */
  readonly controls?: HTMLElement
}

/** Text of the note view-only readers see instead of the save form. */
export const viewOnlyHistoryNote = (): string => t('history.viewOnly')

/**
 * The history panel (`[data-testid=history-panel]`): a form to save the current state as a named
 * version, and every version newest first (`[data-testid=version-item]` with `data-version-id` and
 * `data-kind` named|automatic) with its author and time. Choosing one shows it read-only with the
 * changes since the version before it (`VersionViewer`), from where it can be restored.
 */
export class HistoryPanel {
  readonly element: HTMLElement
  private readonly form: HTMLFormElement
  private readonly nameInput: HTMLInputElement
  private readonly problem: HTMLElement
  private readonly readOnlyNote: HTMLElement
  private readonly list: HTMLOListElement
  private readonly empty: HTMLElement
  private rendered = ''

  constructor(private readonly options: HistoryPanelOptions) {
    this.nameInput = h('input', {
      type: 'text',
      'data-testid': 'version-name',
      placeholder: t('history.namePlaceholder'),
      'aria-label': t('history.name'),
      maxlength: maxVersionNameLength
    })
    this.form = h(
      'form',
      { class: 'save-version-form', 'data-testid': 'save-version-form' },
      this.nameInput,
      h('button', { type: 'submit', 'data-testid': 'save-version' }, t('history.save'))
    )
    this.problem = h('p', { class: 'problem', role: 'alert', 'data-testid': 'history-problem' })
    this.readOnlyNote = h('p', { class: 'read-only-note', 'data-testid': 'history-read-only', hidden: true }, viewOnlyHistoryNote())
    this.list = h('ol', { class: 'version-list', 'data-testid': 'version-list' })
    this.empty = h('p', { class: 'panel-empty' }, t('history.empty'))
    this.element = h(
      'section',
      { class: 'panel history-panel', 'data-testid': 'history-panel', role: 'tabpanel', 'aria-label': t('history.panel') },
      this.form,
      this.readOnlyNote,
      this.problem,
      options.controls ?? null,
      this.list,
      this.empty
    )
    this.form.addEventListener('submit', (event) => {
      event.preventDefault()
      this.saveNamed()
    })
    options.history.onChange(() => this.render())
    options.access.on('change', () => this.render())
    this.render()
  }

  /** Puts the cursor in the version name box (File › Save Version…). */
  focusName(): void {
    this.nameInput.focus()
  }

  /** Re-renders, e.g. when the viewer shows another version. */
  render(): void {
    const canEdit = this.options.access.canEdit
    this.form.hidden = !canEdit
    this.readOnlyNote.hidden = canEdit
    this.readOnlyNote.textContent = this.options.access.denied ? deniedNote() : viewOnlyHistoryNote()
    const versions = this.options.history.list().reverse()
    const shown = this.options.viewer.current?.id ?? null
    const signature = JSON.stringify([shown, versions.map((version) => version.id)])
    if (signature === this.rendered) return
    this.rendered = signature
    this.list.replaceChildren(...versions.map((version) => this.item(version, version.id === shown)))
    this.empty.hidden = versions.length > 0
  }

  private saveNamed(): void {
    try {
      this.options.history.save({ name: this.nameInput.value, kind: 'named', author: this.options.profile(), now: Date.now() })
      this.nameInput.value = ''
      this.problem.textContent = ''
    } catch (error) {
      this.problem.textContent = messageOf(error)
    }
  }

  private item(version: Version, shown: boolean): HTMLLIElement {
    const button = h(
      'button',
      { type: 'button', class: 'version-open', title: shown ? t('history.shownNow') : t('history.showTitle') },
      h('span', { class: 'version-name' }, version.name),
      version.kind === 'automatic' ? h('span', { class: 'version-kind' }, t('history.auto')) : null,
      h('span', { class: 'version-meta' }, personLabel(version.author), ' · ', timeLabel(version.createdAt))
    )
    button.addEventListener('click', () => {
      this.options.viewer.show(version)
      this.render()
    })
    return h(
      'li',
      { class: 'version-item', 'data-testid': 'version-item', 'data-version-id': version.id, 'data-kind': version.kind, 'aria-current': shown ? 'true' : null },
      button
    )
  }
}
