import { Plus, RefreshCw, Search } from 'lucide'
import type { ListedDocument } from '../../app/document-list'
import { t } from '../../app/i18n/translate'
import { fromTemplate, messageOf, part } from '../ui/dom'
import { icon } from '../ui/icons'
import { iconButton } from '../ui/icon-button'
import { fetchRelayDocuments, type ListedRelay } from './relay-documents'
import { matchesSearch } from './title-search'

export interface DocumentsSidebarOptions {
  /** The relay whose documents are listed, with the token to ask with. */
  readonly relay: ListedRelay
  /** The document on show (marked `aria-current`), or `null` on the home screen. */
  readonly current: { readonly name: string; readonly title: () => string } | null
  /** Opens a listed document. */
  open(name: string): void
  newDocument(): void
  /** How the list is fetched; `fetchRelayDocuments` unless a test says otherwise. */
  readonly fetchDocuments?: (relay: ListedRelay) => ReturnType<typeof fetchRelayDocuments>
}

/**
 * The documents sidebar (`[data-testid=documents-sidebar]`): the relay's documents
 * (`[data-testid=sidebar-document]`, `data-document` = the name), by title, with a search field
 * (`[data-testid=sidebar-search]`) that filters as one types. The open document is marked
 * `aria-current=page` and listed even before the relay stores it. From the search field ArrowDown
 * goes to the list; in the list ArrowUp/ArrowDown, Home and End move, Enter (or a click) opens.
 */
export class DocumentsSidebar {
  readonly element: HTMLElement
  private readonly search: HTMLInputElement
  private readonly list: HTMLElement
  private readonly status: HTMLElement
  private readonly count: HTMLElement
  private documents: readonly ListedDocument[] = []
  private truncated = false
  private problem: string | null = null
  private loading = true
  private request = 0

  constructor(private readonly options: DocumentsSidebarOptions) {
    this.element = fromTemplate(`
      <nav class="documents-sidebar" data-testid="documents-sidebar">
        <div class="sidebar-head">
          <h2 class="sidebar-title"></h2>
          <span class="sidebar-actions"></span>
        </div>
        <div class="sidebar-search">
          <input type="search" data-testid="sidebar-search" autocomplete="off" spellcheck="false">
        </div>
        <ul class="sidebar-list" data-testid="sidebar-list"></ul>
        <p class="sidebar-status" data-testid="sidebar-status"></p>
        <p class="visually-hidden" role="status" data-testid="sidebar-count"></p>
      </nav>`)
    this.element.setAttribute('aria-label', t('sidebar.label'))
    part(this.element, '.sidebar-title').textContent = t('sidebar.label')
    const refresh = iconButton({ icon: RefreshCw, label: t('sidebar.refresh'), testid: 'sidebar-refresh' })
    refresh.addEventListener('click', () => void this.refresh())
    const create = iconButton({ icon: Plus, label: t('sidebar.newDocument'), testid: 'sidebar-new-document' })
    create.addEventListener('click', () => options.newDocument())
    part(this.element, '.sidebar-actions').append(refresh, create)
    this.search = part<HTMLInputElement>(this.element, 'input')
    this.search.setAttribute('aria-label', t('sidebar.search'))
    this.search.placeholder = t('sidebar.searchPlaceholder')
    this.search.before(icon(Search, 16))
    this.search.setAttribute('aria-controls', 'documents-sidebar-list')
    this.list = part(this.element, 'ul')
    this.list.id = 'documents-sidebar-list'
    this.list.setAttribute('aria-label', t('sidebar.label'))
    this.status = part(this.element, '.sidebar-status')
    this.count = part(this.element, '[data-testid=sidebar-count]')
    this.search.addEventListener('input', () => this.render(true))
    this.search.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') {
        event.preventDefault()
        this.items()[0]?.focus()
      } else if (event.key === 'Escape' && this.search.value !== '') {
        event.preventDefault()
        this.search.value = ''
        this.render(true)
      }
    })
    this.list.addEventListener('keydown', this.onListKey)
    this.render(false)
    void this.refresh()
  }

  /** Fetches the list again; a slower earlier answer never replaces a newer one. */
  async refresh(): Promise<void> {
    const request = ++this.request
    this.loading = this.documents.length === 0
    this.render(false)
    try {
      const listing = await (this.options.fetchDocuments ?? fetchRelayDocuments)(this.options.relay)
      if (request !== this.request) return
      this.documents = listing.documents
      this.truncated = listing.truncated
      this.problem = null
    } catch (error) {
      if (request !== this.request) return
      this.problem = messageOf(error)
    }
    this.loading = false
    this.render(false)
  }

  /** Shows the open document's new title (it changed here or on another page). */
  currentTitleChanged(): void {
    this.render(false)
  }

  focusSearch(): void {
    this.search.focus()
  }

  private shown(): ListedDocument[] {
    const current = this.options.current
    const documents = this.documents.map((entry) => (current !== null && entry.name === current.name ? { name: entry.name, title: current.title() } : entry))
    // The open document is listed even when the relay has not stored it yet.
    if (current !== null && !documents.some((entry) => entry.name === current.name)) documents.unshift({ name: current.name, title: current.title() })
    return documents.filter((entry) => matchesSearch(this.search.value, entry))
  }

  private render(announce: boolean): void {
    const focusedName = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-testid=sidebar-document]')?.dataset.document
    const shown = this.shown()
    this.list.replaceChildren(...shown.map((entry) => this.item(entry)))
    // One tab stop for the list (the open document, else the first), the arrow keys within it.
    const items = this.items()
    const stop = items.find((item) => item.dataset.document === focusedName) ?? items.find((item) => item.hasAttribute('aria-current')) ?? items[0]
    if (stop !== undefined) stop.tabIndex = 0
    if (focusedName !== undefined && stop?.dataset.document === focusedName) stop.focus()
    const query = this.search.value.trim()
    this.status.textContent =
      this.problem !== null
        ? t('sidebar.problem', { reason: this.problem })
        : this.loading
          ? t('sidebar.loading')
          : shown.length === 0
            ? query === ''
              ? t('sidebar.empty')
              : t('sidebar.noMatch', { query })
            : this.truncated
              ? t('sidebar.truncated', { count: this.documents.length })
              : ''
    this.status.dataset.state = this.problem !== null ? 'problem' : 'ok'
    if (announce) this.count.textContent = t('sidebar.results', { count: shown.length })
  }

  private item(entry: ListedDocument): HTMLElement {
    const row = fromTemplate(`
      <li>
        <button type="button" class="sidebar-document" data-testid="sidebar-document" tabindex="-1">
          <span class="sidebar-document-title"></span>
          <span class="sidebar-document-name"></span>
        </button>
      </li>`)
    const button = part<HTMLButtonElement>(row, 'button')
    button.dataset.document = entry.name
    const title = entry.title ?? entry.name
    part(row, '.sidebar-document-title').textContent = title
    const name = part(row, '.sidebar-document-name')
    if (title === entry.name) name.remove()
    else name.textContent = entry.name
    if (this.options.current?.name === entry.name) button.setAttribute('aria-current', 'page')
    button.addEventListener('click', () => {
      if (this.options.current?.name !== entry.name) this.options.open(entry.name)
    })
    return row
  }

  private items(): HTMLButtonElement[] {
    return Array.from(this.list.querySelectorAll<HTMLButtonElement>('[data-testid=sidebar-document]'))
  }

  private readonly onListKey = (event: KeyboardEvent): void => {
    const items = this.items()
    const at = items.indexOf(event.target as HTMLButtonElement)
    if (at === -1) return
    const moves: Record<string, HTMLElement | undefined> = {
      ArrowDown: items[at + 1],
      ArrowUp: at === 0 ? this.search : items[at - 1],
      Home: items[0],
      End: items[items.length - 1]
    }
    const next = moves[event.key]
    if (next === undefined) return
    event.preventDefault()
    if (next !== this.search) {
      for (const item of items) item.tabIndex = item === next ? 0 : -1
    }
    next.focus()
  }
}
