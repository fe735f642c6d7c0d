import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../app/ipc'

export interface MenuActions {
  /** Sends a command to the focused window's renderer. */
  command(command: MenuCommand): void
  stopHosting(): void
  /** Asks for a Markdown or HTML file and hands it to the focused window to import. */
  importFile(): void
  openDataFolder(): void
  showAbout(): void
}

export interface MenuState {
  readonly platform: NodeJS.Platform
  readonly hosting: boolean
  /** Development builds get reload and developer tools. */
  readonly development: boolean
  readonly appName: string
}

/**
 * The application menu: File, Edit, View, Session, Help (with the app menu first on macOS), with
 * the platform's shortcuts through `CmdOrCtrl`. Undo and redo go to the editor (y-prosemirror's
 * undo touches only the user's own changes), so their accelerators are shown but left to the page.
 */
export const buildMenuTemplate = (state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] => {
  const mac = state.platform === 'darwin'
  const send = (command: MenuCommand) => () => actions.command(command)
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: state.appName,
          submenu: [
            { label: `About ${state.appName}`, click: actions.showAbout },
            { type: 'separator' },
            { label: 'Settings…', accelerator: 'Cmd+,', click: send('open-settings') },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' }
          ]
        }
      ]
    : []
  return [
    ...appMenu,
    {
      label: '&File',
      submenu: [
        { label: 'New Document', accelerator: 'CmdOrCtrl+N', click: send('new-document') },
        { label: 'Home', accelerator: 'CmdOrCtrl+Shift+H', click: send('open-home') },
        { type: 'separator' },
        { label: 'Import Markdown or HTML…', accelerator: 'CmdOrCtrl+O', click: actions.importFile },
        {
          label: 'Export As',
          submenu: [
            { label: 'Markdown…', click: send('export-markdown') },
            { label: 'HTML…', click: send('export-html') },
            { label: 'Plain Text…', click: send('export-text') },
            { label: 'PDF…', accelerator: 'CmdOrCtrl+P', click: send('export-pdf') }
          ]
        },
        { type: 'separator' },
        { label: 'Join by Link…', accelerator: 'CmdOrCtrl+Shift+J', click: send('join-by-link') },
        { label: 'Connect to a Relay…', click: send('connect-to-relay') },
        { type: 'separator' },
        { label: 'Save Version…', accelerator: 'CmdOrCtrl+Alt+S', click: send('save-version') },
        { type: 'separator' },
        ...(mac ? [] : ([{ label: 'Settings…', accelerator: 'Ctrl+,', click: send('open-settings') }, { type: 'separator' }] as MenuItemConstructorOptions[])),
        mac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    {
      label: '&Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: send('undo') },
        { label: 'Redo', accelerator: mac ? 'Cmd+Shift+Z' : 'Ctrl+Y', registerAccelerator: false, click: send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'selectAll' },
        { type: 'separator' },
        // The editor's own find bar (a window has no browser find bar); the keys go to the page.
        { label: 'Find…', accelerator: 'CmdOrCtrl+F', registerAccelerator: false, click: send('find') },
        { label: 'Find and Replace…', accelerator: mac ? 'Cmd+Alt+F' : 'Ctrl+H', registerAccelerator: false, click: send('find-replace') }
      ]
    },
    {
      label: '&View',
      submenu: [
        ...(state.development ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    {
      label: '&Session',
      submenu: [
        { label: 'Host on LAN…', enabled: !state.hosting, click: send('host-session') },
        { label: 'Share Document…', accelerator: 'CmdOrCtrl+Shift+S', click: send('share-document') },
        { label: 'Stop Hosting', enabled: state.hosting, click: actions.stopHosting }
      ]
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [
        { label: 'Open Documents Folder', click: actions.openDataFolder },
        ...(mac ? [] : ([{ type: 'separator' }, { label: `About ${state.appName}`, click: actions.showAbout }] as MenuItemConstructorOptions[]))
      ]
    }
  ]
}
