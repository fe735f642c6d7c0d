import { FileText, X } from 'lucide'
import type { PlatformBridge } from '../../app/bridge'
import { t } from '../../app/i18n/translate'
import type { Library, RecentDocument } from '../../app/library'
import { fromTemplate, messageOf, part, sentence } from '../ui/dom'
import { icon } from '../ui/icons'
import { iconButton } from '../ui/icon-button'
import { timeAgo } from './time-ago'

/**
 * The recent documents (`[data-testid=recent-documents]`), as cards: one
 * `[data-testid=recent-document]` per document, newest first, with `data-document` (its name) and
 * `data-relay` (`local` or the relay's URL), showing its title where one is known (`titles`, the
 * platform's own relay's list), where it lives and when it was opened. A click opens it where it
 * was, with the token it was opened with; × forgets it.
 */
export const recentDocumentsView = (bridge: PlatformBridge, localLabel: string) => {
  const element = fromTemplate(`
    <section class="home-block recent-documents" data-testid="recent-documents">
      <h2 class="block-title"></h2>
      <p class="empty"></p>
      <ul class="recent-grid"></ul>
      <p class="problem" role="alert"></p>
    </section>`)
  part(element, 'h2').textContent = t('home.recent')
  const list = part(element, 'ul')
  const empty = part(element, '.empty')
  empty.textContent = t('home.recentEmpty')
  const problem = part(element, '.problem')
  const fail = (error: unknown): void => void (problem.textContent = sentence(messageOf(error)))
  let titles: ReadonlyMap<string, string> = new Map()
  let last: Library | null = null

  const item = (entry: RecentDocument, now: number): HTMLElement => {
    const row = fromTemplate(`
      <li class="recent-card" data-testid="recent-document">
        <span class="recent-icon"></span>
        <span class="recent-text">
          <button type="button" class="open"></button>
          <span class="recent-name"></span>
          <span class="recent-meta"><span class="where"></span> · <span class="when"></span></span>
        </span>
      </li>`)
    row.dataset.document = entry.documentName
    row.dataset.relay = entry.relayUrl ?? 'local'
    part(row, '.recent-icon').append(icon(FileText, 20))
    const title = entry.relayUrl === undefined ? titles.get(entry.documentName) : undefined
    part(row, '.open').textContent = title ?? entry.documentName
    const name = part(row, '.recent-name')
    if (title === undefined) name.remove()
    else name.textContent = entry.documentName
    part(row, '.where').textContent = entry.relayUrl === undefined ? localLabel : t('home.onRelay', { relay: entry.relayUrl })
    part(row, '.when').textContent = t('home.opened', { when: timeAgo(entry.openedAt, now) })
    const forget = iconButton({ icon: X, label: t('home.forget', { name: entry.documentName }), className: 'forget' })
    row.append(forget)
    const key = { documentName: entry.documentName, ...(entry.relayUrl === undefined ? {} : { relayUrl: entry.relayUrl }) }
    part(row, '.open').addEventListener('click', () => bridge.open({ ...key, ...(entry.token === undefined ? {} : { token: entry.token }) }).catch(fail))
    forget.addEventListener('click', () => bridge.library.forgetDocument(key).catch(fail))
    return row
  }

  const render = (library: Library): void => {
    last = library
    const now = Date.now()
    list.replaceChildren(...library.documents.map((entry) => item(entry, now)))
    empty.hidden = library.documents.length > 0
  }
  return {
    element,
    render,
    /** Shows these titles of documents on the platform's own relay (by name). */
    showTitles: (known: ReadonlyMap<string, string>): void => {
      titles = known
      if (last !== null) render(last)
    },
    fail
  }
}
