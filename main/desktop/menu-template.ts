import type { MenuItemConstructorOptions } from 'electron'
import type { MessageKey } from '../../app/i18n/messages'
import { currentLanguage, t } from '../../app/i18n/translate'
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

type Role = NonNullable<MenuItemConstructorOptions['role']>

/** The catalogue key of each role item's label (used outside English). */
const roleKeys = {
  services: 'menu.role.services',
  hide: 'menu.role.hide',
  hideOthers: 'menu.role.hideOthers',
  unhide: 'menu.role.unhide',
  quit: 'menu.role.quit',
  close: 'menu.role.close',
  cut: 'menu.role.cut',
  copy: 'menu.role.copy',
  paste: 'menu.role.paste',
  pasteAndMatchStyle: 'menu.role.pasteAndMatchStyle',
  selectAll: 'menu.role.selectAll',
  reload: 'menu.role.reload',
  toggleDevTools: 'menu.role.toggleDevTools',
  resetZoom: 'menu.role.resetZoom',
  zoomIn: 'menu.role.zoomIn',
  zoomOut: 'menu.role.zoomOut',
  togglefullscreen: 'menu.role.togglefullscreen'
} as const satisfies Partial<Record<Role, MessageKey>>

/**
 * A menu item of an Electron role. In English Electron's own label stays (it is the platform's:
 * "Exit" on Windows, "Quit Ensemble" on macOS); in another language the catalogue's
 * `menu.role.ROLE` replaces it, since Electron translates role labels on macOS only.
 */
const roleItem = (role: Role & keyof typeof roleKeys, appName: string): MenuItemConstructorOptions =>
  currentLanguage() === 'en' ? { role } : { role, label: t(roleKeys[role], { app: appName }) }

/**
 * The application menu: File, Edit, View, Session, Help (with the app menu first on macOS), with
 * the platform's shortcuts through `CmdOrCtrl`, in the language `t` speaks (the renderer's choice,
 * `main/electron/desktop-app.ts`). Undo and redo go to the editor (y-prosemirror's undo touches
 * only the user's own changes), so their accelerators are shown but left to the page.
 */
export const buildMenuTemplate = (state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] => {
  const mac = state.platform === 'darwin'
  const send = (command: MenuCommand) => () => actions.command(command)
  const role = (name: keyof typeof roleKeys): MenuItemConstructorOptions => roleItem(name, state.appName)
  // macOS menus have no mnemonics: Electron drops the `&` of "&File", but the "(&F)" a Chinese label carries would stay.
  const menuLabel = (key: MessageKey): string => (mac ? t(key).replace(/\(&\w\)$/, '') : t(key))
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: state.appName,
          submenu: [
            { label: t('menu.about', { app: state.appName }), click: actions.showAbout },
            { type: 'separator' },
            { label: t('menu.settings'), accelerator: 'Cmd+,', click: send('open-settings') },
            { type: 'separator' },
            role('services'),
            { type: 'separator' },
            role('hide'),
            role('hideOthers'),
            role('unhide'),
            { type: 'separator' },
            role('quit')
          ]
        }
      ]
    : []
  return [
    ...appMenu,
    {
      label: menuLabel('menu.file'),
      submenu: [
        { label: t('menu.newDocument'), accelerator: 'CmdOrCtrl+N', click: send('new-document') },
        { label: t('menu.home'), accelerator: 'CmdOrCtrl+Shift+H', click: send('open-home') },
        { type: 'separator' },
        { label: t('menu.import'), accelerator: 'CmdOrCtrl+O', click: actions.importFile },
        {
          label: t('menu.exportAs'),
          submenu: [
            { label: t('menu.exportMarkdown'), click: send('export-markdown') },
            { label: t('menu.exportHtml'), click: send('export-html') },
            { label: t('menu.exportText'), click: send('export-text') },
            { label: t('menu.exportPdf'), accelerator: 'CmdOrCtrl+P', click: send('export-pdf') }
          ]
        },
        { type: 'separator' },
        { label: t('menu.joinByLink'), accelerator: 'CmdOrCtrl+Shift+J', click: send('join-by-link') },
        { label: t('menu.connectToRelay'), click: send('connect-to-relay') },
        { type: 'separator' },
        { label: t('menu.saveVersion'), accelerator: 'CmdOrCtrl+Alt+S', click: send('save-version') },
        { type: 'separator' },
        ...(mac ? [] : ([{ label: t('menu.settings'), accelerator: 'Ctrl+,', click: send('open-settings') }, { type: 'separator' }] as MenuItemConstructorOptions[])),
        role(mac ? 'close' : 'quit')
      ]
    },
    {
      label: menuLabel('menu.edit'),
      submenu: [
        { label: t('menu.undo'), accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: send('undo') },
        { label: t('menu.redo'), accelerator: mac ? 'Cmd+Shift+Z' : 'Ctrl+Y', registerAccelerator: false, click: send('redo') },
        { type: 'separator' },
        role('cut'),
        role('copy'),
        role('paste'),
        role('pasteAndMatchStyle'),
        role('selectAll'),
        { type: 'separator' },
        // The editor's own find bar (a window has no browser find bar); the keys go to the page.
        { label: t('menu.find'), accelerator: 'CmdOrCtrl+F', registerAccelerator: false, click: send('find') },
        { label: t('menu.findReplace'), accelerator: mac ? 'Cmd+Alt+F' : 'Ctrl+H', registerAccelerator: false, click: send('find-replace') }
      ]
    },
    {
      label: menuLabel('menu.view'),
      submenu: [
        ...(state.development ? ([role('reload'), role('toggleDevTools'), { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
        role('resetZoom'),
        role('zoomIn'),
        role('zoomOut'),
        { type: 'separator' },
        role('togglefullscreen')
      ]
    },
    {
      label: menuLabel('menu.session'),
      submenu: [
        { label: t('menu.hostOnLan'), enabled: !state.hosting, click: send('host-session') },
        { label: t('menu.shareDocument'), accelerator: 'CmdOrCtrl+Shift+S', click: send('share-document') },
        { label: t('menu.stopHosting'), enabled: state.hosting, click: actions.stopHosting }
      ]
    },
    {
      label: menuLabel('menu.help'),
      role: 'help',
      submenu: [
        { label: t('menu.openDocumentsFolder'), click: actions.openDataFolder },
        ...(mac ? [] : ([{ type: 'separator' }, { label: t('menu.about', { app: state.appName }), click: actions.showAbout }] as MenuItemConstructorOptions[]))
      ]
    }
  ]
}
