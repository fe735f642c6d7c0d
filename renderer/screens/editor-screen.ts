import type { EditorView } from 'prosemirror-view'
import { redo, undo } from 'y-prosemirror'
import type { DocumentPerson, DocumentTarget, OpenedDocument, PlatformBridge } from '../../app/bridge'
import { awarenessUserOf } from '../../app/presence'
import type { PresenceStatus } from '../../app/presence'
import type { UserProfile } from '../../app/profile'
import { createEditor } from '../editor/create-editor'
import { openFind } from '../editor/find'
import { startCollaboration } from '../panels/collaboration'
import { trackActivity } from '../session/activity'
import { showAccessDenied } from '../session/access-denied-view'
import { showConnectionStatus } from '../session/connection-status-view'
import { showStorageStatus } from '../session/storage-status-view'
import { showSaveStatus } from '../session/save-status-view'
import { PresenceColor } from '../session/presence-color'
import { certificateNote } from '../session/certificate-note'
import { openDocumentSession, type DocumentSession } from '../session/document-session'
import { mountDocumentActions } from '../shell/document-actions'
import { mountExportMenu } from '../transfer/export-menu'
import { applyPendingImport } from '../transfer/import-report'
import { knownDocuments } from './known-documents'
import { t } from '../../app/i18n/translate'

/** A document open in the page; `window.ensembleEditor` exposes it for diagnostics and tests. */
export interface OpenDocument {
  readonly session: DocumentSession
  readonly view: EditorView
  close(): void
}

/**
 * Lays out the editor screen: header (document name, presence bar, connection status), toolbar,
 * the document (with the notes about it above it, an access refusal or an import's report, which
 * scroll with it) and the side panel of comments, history and chat next to it, and a footer with
 * the word count and notices.
 */
export const showEditorScreen = async (
  root: HTMLElement,
  bridge: PlatformBridge,
  target: DocumentTarget,
  profile: UserProfile
): Promise<OpenDocument> => {
  document.title = `${target.documentName} — Ensemble`
  const page = document.createElement('div')
  page.className = 'editor-screen'
  page.innerHTML = `
    <header class="editor-header">
      <span class="document-name" data-testid="document-name"></span>
      <span class="presence-slot"></span>
      <span class="status-slot"></span>
      <span class="save-slot"></span>
      <span class="storage-slot"></span>
      <span class="transfer-slot"></span>
      <span class="actions-slot"></span>
    </header>
    <nav class="toolbar-slot"></nav>
    <div class="editor-body">
      <div class="document-column">
        <div class="find-slot"></div>
        <div class="editor-scroll">
          <div class="access-denied-slot"></div>
          <div class="import-report-slot"></div>
          <article class="editor-slot"></article>
        </div>
      </div>
      <div class="side-panel-slot"></div>
    </div>
    <footer class="editor-footer">
      <span class="word-count" data-testid="word-count"></span>
      <span class="notice" data-testid="notice" role="alert"></span>
    </footer>`
  const slot = (selector: string): HTMLElement => page.querySelector<HTMLElement>(selector)!
  slot('.document-name').textContent = target.documentName
  root.replaceChildren(page)

  const notice = slot('.notice')
  const showNotice = (message: string): void => {
    notice.textContent = message
  }
  const session = openDocumentSession(target, window)
  const stopStatus = showConnectionStatus(slot('.status-slot'), session.connection)
  const stopDenied = showAccessDenied(slot('.access-denied-slot'), session.connection, target)
  const stopStorageStatus = showStorageStatus(slot('.storage-slot'), session.storage, session.connection, showNotice)
  const stopSaveStatus = showSaveStatus(slot('.save-slot'), session.saves)
  // The profile can change while the document is open (Settings): peers see the new name at once.
  let currentProfile = profile
  let currentStatus: PresenceStatus = 'active'
  // Shown in a colour nobody else in the document has (cursors, avatars, a version's authors).
  const color = new PresenceColor(session.provider.awareness, profile.color, () => publish())
  const shownProfile = (): UserProfile => ({ ...currentProfile, color: color.current })
  const publish = (): void => session.setUser({ ...shownProfile(), status: currentStatus })
  const stopActivity = trackActivity((status) => {
    currentStatus = status
    publish()
  })
  const stopProfile = bridge.onProfileChanged((next) => {
    currentProfile = next
    color.setPreferred(next.color)
    publish()
  })
  const stopActions = mountDocumentActions(slot('.actions-slot'), bridge, target, () => currentProfile)
  // Open from the cache first when there is one, so the document never flashes empty;
  // the relay's state merges in whenever it arrives.
  const cache = await session.cacheLoaded
  if (cache.problem !== null) showNotice(t('save.offlineCopyUnavailable', { problem: cache.problem }))
  const note = certificateNote(target, window)
  if (note !== null) showNotice(note)
  // Collaboration first: an import is then the importer's first edit (an author, a version).
  const collaboration = startCollaboration(session, shownProfile, showNotice)
  await applyPendingImport(target.documentName, session.fragment, slot('.import-report-slot'))
  const documents = knownDocuments(bridge, target)
  const view = createEditor({
    fragment: session.fragment,
    awareness: session.provider.awareness,
    remoteUpdates: session.remoteUpdates,
    showNotice,
    sync: collaboration.sync,
    plugins: collaboration.plugins,
    presenceDecorator: collaboration.presenceDecorator,
    documents: documents.directory,
    mounts: {
      editor: slot('.editor-slot'),
      toolbar: slot('.toolbar-slot'),
      presence: slot('.presence-slot'),
      wordCount: slot('.word-count'),
      findBar: slot('.find-slot')
    }
  })
  collaboration.mount(view, { panel: slot('.side-panel-slot'), documentArea: slot('.editor-scroll'), editor: slot('.editor-slot') })
  view.focus()
  const closeExportMenu = mountExportMenu(slot('.transfer-slot'), view, target.documentName, bridge, showNotice)
  const closePlatformView = bridge.documentOpened(describeToPlatform(session, view, () => collaboration.saveVersion()))
  return {
    session,
    view,
    close: () => {
      collaboration.close()
      closePlatformView()
      stopActions()
      closeExportMenu()
      stopProfile()
      color.destroy()
      stopActivity()
      stopStatus()
      stopDenied()
      stopStorageStatus()
      stopSaveStatus()
      documents.stop()
      view.destroy()
      session.destroy()
    }
  }
}

const describeToPlatform = (session: DocumentSession, view: EditorView, saveVersion: () => void): OpenedDocument => {
  const { awareness } = session.provider
  return {
    documentName: session.target.documentName,
    relayUrl: session.target.relayUrl,
    localClientId: awareness.clientID,
    people: () => {
      const people: DocumentPerson[] = []
      awareness.getStates().forEach((state, clientId) => {
        const user = awarenessUserOf(state)
        if (user !== null) people.push({ clientId, name: user.name, color: user.color })
      })
      return people
    },
    onPeopleChanged: (listener) => {
      awareness.on('change', listener)
      return () => awareness.off('change', listener)
    },
    undo: () => void undo(view.state),
    redo: () => void redo(view.state),
    find: (replacing) => {
      openFind(replacing)(view.state, view.dispatch)
    },
    saveVersion
  }
}
