import type { PlatformBridge } from '../../app/bridge'
import type { Library, RecentDocument } from '../../app/library'
import { fromTemplate, messageOf, part, sentence } from '../ui/dom'
import { timeAgo } from './time-ago'

/**
 * The recent documents (`[data-testid=recent-documents]`): one `[data-testid=recent-document]`
 * per document, newest first, with `data-document` (its name) and `data-relay` (`local` or the
 * relay's URL). A click opens it where it was, with the token it was opened with; × forgets it.
 */
export const recentDocumentsView = (bridge: PlatformBridge, localLabel: string) => {
  const element = fromTemplate(`
    <section class="home-section recent-documents" data-testid="recent-documents">
      <h2>Recent documents</h2>
      <p class="empty">Documents you open appear here.</p>
      <ul class="home-list"></ul>
      <p class="problem" role="alert"></p>
    </section>`)
  const list = part(element, 'ul')
  const empty = part(element, '.empty')
  const problem = part(element, '.problem')
  const fail = (error: unknown): void => void (problem.textContent = sentence(messageOf(error)))

  const item = (entry: RecentDocument, now: number): HTMLElement => {
    const row = fromTemplate(`
      <li data-testid="recent-document">
        <button type="button" class="link-button open"></button>
        <span class="where"></span>
        <span class="when"></span>
        <button type="button" class="forget">×</button>
      </li>`)
    row.dataset.document = entry.documentName
    row.dataset.relay = entry.relayUrl ?? 'local'
    part(row, '.open').textContent = entry.documentName
    part(row, '.where').textContent = entry.relayUrl === undefined ? localLabel : `on ${entry.relayUrl}`
    part(row, '.when').textContent = timeAgo(entry.openedAt, now)
    const forget = part(row, '.forget')
    forget.title = `Remove “${entry.documentName}” from this list (the document itself stays)`
    forget.setAttribute('aria-label', forget.title)
    const key = { documentName: entry.documentName, ...(entry.relayUrl === undefined ? {} : { relayUrl: entry.relayUrl }) }
    part(row, '.open').addEventListener('click', () => bridge.open({ ...key, ...(entry.token === undefined ? {} : { token: entry.token }) }).catch(fail))
    forget.addEventListener('click', () => bridge.library.forgetDocument(key).catch(fail))
    return row
  }

  return {
    element,
    render: (library: Library): void => {
      const now = Date.now()
      list.replaceChildren(...library.documents.map((entry) => item(entry, now)))
      empty.hidden = library.documents.length > 0
    },
    fail
  }
}
