import { Plugin, PluginKey } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { setMeta, ySyncPluginKey } from 'y-prosemirror'
import { ChatLog } from '../../app/chat/chat-log'
import { CommentThreads } from '../../app/comments/threads'
import { DocumentAuthors } from '../../app/history/authors'
import { AutoVersioner, automaticVersionNames } from '../../app/history/auto-versions'
import { restoreVersion } from '../../app/history/restore'
import { VersionHistory, type Version } from '../../app/history/versions'
import { distinctName } from '../../app/presence'
import { profileColors, type UserProfile } from '../../app/profile'
import type { YSyncOptions } from '../editor/create-editor'
import type { PresenceDecorator } from '../editor/presence-bar'
import type { ShowNotice } from '../editor/notices'
import { DocumentAccess } from '../session/access'
import type { DocumentSession } from '../session/document-session'
import { PrivateMessageChannel } from '../private-messages/private-message-channel'
import { ChatPanel } from './chat/chat-panel'
import { CommentsPanel } from './comments/comments-panel'
import { messageOf } from './dom'
import { HistoryPanel } from './history/history-panel'
import { VersionViewer } from './history/version-viewer'
import { SidePanel } from './side-panel'
import './panels.css'
import { AuthorshipControls, authorshipPlugin } from './history/authorship'
import { t } from '../../app/i18n/translate'
import { refreshSuggestionColors, suggestingPlugins, suggestionDecorationsPlugin } from '../editor/suggesting'
import { SuggestionsPanel } from './suggestions/suggestions-panel'
import { History, MessageSquareText, MessagesSquare, PenLine } from 'lucide'

/** How long this copy goes without an edit before its edits are saved as an automatic version. */
export const automaticVersionPauseMs = 5 * 60_000

/** Where the collaboration features go in the editor screen. */
export interface CollaborationMounts {
  /** The side panel's place. */
  readonly panel: HTMLElement
  /** The scrolling area around the document, where a version is shown instead of it. */
  readonly documentArea: HTMLElement
  /** The live document's element, hidden while a version is shown. */
  readonly editor: HTMLElement
}

/** Version history, comments and chat (with private messages) for one open document. */
export interface Collaboration {
  readonly access: DocumentAccess
  /** Options of the editor's sync plugin: who wrote what, for the version view. */
  readonly sync: YSyncOptions
  /** Editor plugins: comment highlights and shortcut, and read-only while a version is shown or for viewers. */
  readonly plugins: readonly Plugin[]
  /** For the presence bar: a ✉ button beside each other person that opens the chat to message them privately. */
  readonly presenceDecorator: PresenceDecorator
  /** Builds the side panel and the version view once the editor exists. */
  mount(view: EditorView, mounts: CollaborationMounts): void
  /** File › Save Version…: opens the history panel at the name box. */
  saveVersion(): void
  /** The session ends: saves this copy's unsaved edits as an automatic version and stops. */
  close(): void
}

const editableKey = new PluginKey('collaboration-editable')

/** The width below which the side panel goes under the document; the same as style.css's `@media`. */
const narrowWindow = '(max-width: 48rem)'

/** y-prosemirror's colour pair for an author colour: a translucent background and the colour itself. */
const colorDef = (color: string): { light: string; dark: string } => ({ light: `${color}33`, dark: color })

/** A palette colour for a name the document has no colour for, the same on every page. */
const paletteColorOf = (name: string): string => {
  let hash = 0
  for (const character of name) hash = (hash * 31 + character.codePointAt(0)!) >>> 0
  return profileColors[hash % profileColors.length]!
}

/**
 * Sets up history, comments and chat over the document's own Y.Doc (`app/history`,
 * `app/comments`, `app/chat`). Everything that writes (comments, replies, chat messages,
 * versions, restoring, registering as an author) is offered only while `access` allows editing;
 * view-only readers see everything and are told why they cannot write. `profile` is asked each
 * time it is needed, because Settings can change the name and colour while the document is open.
 */
export const startCollaboration = (session: DocumentSession, profile: () => UserProfile, showNotice: ShowNotice): Collaboration => {
  const { doc, fragment, provider } = session
  const access = new DocumentAccess(session.target.token, provider, session.connection)
  const schedule = (callback: () => void, ms: number): (() => void) => {
    const timer = setTimeout(callback, ms)
    return () => clearTimeout(timer)
  }
  const authors = new DocumentAuthors(doc, fragment, schedule)
  const history = new VersionHistory(doc)
  const threads = new CommentThreads(doc)
  const chat = new ChatLog(doc)
  const privateMessages = new PrivateMessageChannel(provider)

  const colorMapping = new Map<string, { light: string; dark: string }>()
  const updateColors = (): void => {
    for (const { name, color } of authors.all()) colorMapping.set(name, colorDef(color))
  }
  updateColors()
  const stopColors = authors.onColorsChanged(updateColors)
  const sync: YSyncOptions = { permanentUserData: authors.permanentUserData, colorMapping, colors: profileColors.map(colorDef) }

  // Become an author with the first edit of the content: readers who never edit write nothing.
  const registerOnFirstEdit = (_events: unknown, transaction: { local: boolean }): void => {
    if (!transaction.local || !access.canEdit) return
    fragment.unobserveDeep(registerOnFirstEdit)
    authors.register(profile())
  }
  fragment.observeDeep(registerOnFirstEdit)

  let versioner: AutoVersioner | null = null
  const updateVersioner = (): void => {
    if (access.canEdit && versioner === null) {
      versioner = new AutoVersioner(history, fragment, {
        pauseMs: automaticVersionPauseMs,
        author: profile,
        schedule,
        now: () => Date.now()
      })
    } else if (!access.canEdit && versioner !== null) {
      versioner.dispose()
      versioner = null
    }
  }
  updateVersioner()

  // Suggesting mode: suggestions in their authors' colours, and the Suggestions tab.
  const suggestionColor = (author: string): string =>
    authors.colorOf(author) ?? (author === profile().name ? profile().color : paletteColorOf(author))
  let suggestionCount = 0
  const suggestions = new SuggestionsPanel({
    canReview: () => access.canReview,
    mustSuggest: () => access.mustSuggest,
    colorOf: suggestionColor,
    onCountChange: (count) => {
      suggestionCount = count
      side?.setCount('suggestions', count, t('suggestions.count', { count }))
    }
  })
  const stopSuggestionColors = authors.onColorsChanged(() => {
    suggestions.render(true)
    // Colours change inside a Yjs transaction, which the editor's own sync may be running (an
    // author registers with their first edit): redraw once it is over, never in the middle of it.
    queueMicrotask(() => {
      if (editorView !== null && !editorView.isDestroyed) refreshSuggestionColors(editorView)
    })
  })

  let openThreads = 0
  let side: SidePanel | null = null
  const comments = new CommentsPanel({
    threads,
    fragment,
    profile,
    access,
    onOpenCountChange: (open) => {
      openThreads = open
      side?.setCount('comments', open, t('comments.openCount', { count: open }))
    }
  })
  let viewer: VersionViewer | null = null
  let historyPanel: HistoryPanel | null = null
  let authorship: AuthorshipControls | null = null
  let chatPanel: ChatPanel | null = null
  let editorView: EditorView | null = null

  const refreshEditable = (): void => {
    if (editorView !== null) setMeta(editorView, editableKey, true)
  }
  const onAccessChange = (): void => {
    updateVersioner()
    refreshEditable()
    suggestions.render()
  }
  access.on('change', onAccessChange)

  const restore = (version: Version): void => {
    // Restoring changes the content directly: not for a suggester.
    if (!access.canReview) return
    try {
      versioner?.saveIfChanged(automaticVersionNames.beforeRestore(version.name))
      // The editor's sync origin: its undo manager takes the restore as one undoable change.
      restoreVersion(fragment, version, ySyncPluginKey)
    } catch (error) {
      showNotice(t('history.couldNotRestore', { name: version.name, reason: messageOf(error) }))
    }
    editorView?.focus()
  }

  const sessionEnded = (): void => {
    authors.flushDeletions()
    versioner?.sessionEnded()
  }
  window.addEventListener('pagehide', sessionEnded)
  const onVisibility = (): void => chatPanel?.setVisible(side?.openTab === 'chat' && document.visibilityState === 'visible')
  document.addEventListener('visibilitychange', onVisibility)

  const messagePerson = (clientId: number): void => {
    side?.select('chat')
    chatPanel?.messagePerson(clientId)
  }
  const presenceDecorator: PresenceDecorator = (item, person) => {
    if (person.self) return
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'message-person'
    button.dataset.testid = 'message-person'
    button.textContent = '✉'
    button.title = t('chat.messagePerson', { name: distinctName(person.name, person.ordinal ?? undefined) })
    button.setAttribute('aria-label', button.title)
    button.addEventListener('click', () => messagePerson(person.clientId))
    item.append(button)
  }

  const readMarkerKey = `ensemble.chat-read:${session.target.relayUrl}/${session.target.documentName}`

  return {
    access,
    sync,
    presenceDecorator,
    plugins: [
      ...comments.plugins(),
      new Plugin({ key: editableKey, props: { editable: () => access.canEdit && viewer?.current == null } }),
      authorshipPlugin(authors, () => authorship?.render()),
      ...suggestingPlugins({ author: () => profile().name, mustSuggest: () => access.mustSuggest, canReview: () => access.canReview }),
      suggestionDecorationsPlugin(suggestionColor),
      suggestions.plugin()
    ],
    mount: (view, mounts) => {
      editorView = view
      viewer = new VersionViewer({
        fragment,
        history,
        sync,
        authors,
        container: mounts.documentArea,
        editorElement: mounts.editor,
        canEdit: () => access.canReview,
        onRestore: restore,
        onChange: () => {
          historyPanel?.render()
          refreshEditable()
        }
      })
      authorship = new AuthorshipControls(view, authors)
      historyPanel = new HistoryPanel({ history, viewer, profile, access, controls: authorship.element })
      chatPanel = new ChatPanel({
        chat,
        profile,
        access,
        awareness: provider.awareness,
        connection: provider,
        privateMessages,
        readMarker: {
          load: () => {
            try {
              return localStorage.getItem(readMarkerKey)
            } catch {
              return null
            }
          },
          save: (id) => {
            try {
              localStorage.setItem(readMarkerKey, id)
            } catch {
              // Without storage the unread count starts over on the next visit; nothing else depends on it.
            }
          }
        },
        onUnreadChange: (count) => side?.setCount('chat', count, t('chat.unread', { count }))
      })
      side = new SidePanel(
        mounts.panel,
        [
          { id: 'comments', label: t('comments.panel'), icon: MessageSquareText, panel: comments.element },
          { id: 'suggestions', label: t('suggestions.tab'), icon: PenLine, panel: suggestions.element },
          { id: 'history', label: t('history.tab'), icon: History, panel: historyPanel.element },
          { id: 'chat', label: t('chat.panel'), icon: MessagesSquare, panel: chatPanel.element }
        ],
        // Under the document in a narrow window (style.css), where an open panel would leave it little room.
        window.matchMedia(narrowWindow).matches ? null : 'comments'
      )
      // Counts reported while the side panel did not exist yet.
      side.setCount('comments', openThreads, t('comments.openCount', { count: openThreads }))
      side.setCount('chat', chatPanel.unread, t('chat.unread', { count: chatPanel.unread }))
      side.setCount('suggestions', suggestionCount, t('suggestions.count', { count: suggestionCount }))
      side.onSelect(onVisibility)
      onVisibility()
    },
    saveVersion: () => {
      side?.select('history')
      historyPanel?.focusName()
    },
    close: () => {
      sessionEnded()
      window.removeEventListener('pagehide', sessionEnded)
      document.removeEventListener('visibilitychange', onVisibility)
      access.off('change', onAccessChange)
      access.destroy()
      fragment.unobserveDeep(registerOnFirstEdit)
      stopColors()
      stopSuggestionColors()
      versioner?.dispose()
      chatPanel?.destroy()
      privateMessages.destroy()
      viewer?.destroy()
    }
  }
}
