import { BrowserWindow, Menu, Notification, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron'
import type { Disposable } from '../common/event'
import type { Notifier, TrayView, WindowTitles } from '../presence/presence-views'
import { t } from '../../app/i18n/translate'

/** The tray icon: presence in its tooltip and at the top of its menu, app actions below. */
export class ElectronTrayView implements TrayView, Disposable {
  private readonly tray: Tray
  private presenceItems: ReadonlyArray<{ readonly label: string }> = []

  constructor(
    icon: NativeImage,
    private readonly actions: () => MenuItemConstructorOptions[]
  ) {
    this.tray = new Tray(icon)
  }

  setTooltip(text: string): void {
    this.tray.setToolTip(text)
  }

  setPresenceItems(items: ReadonlyArray<{ readonly label: string }>): void {
    this.presenceItems = items
    this.refresh()
  }

  /** Rebuilds the menu (after a presence change, or when the actions' state changed). */
  refresh(): void {
    const presence: MenuItemConstructorOptions[] =
      this.presenceItems.length === 0
        ? [{ label: t('tray.nobodyElse'), enabled: false }]
        : this.presenceItems.map((item) => ({ label: item.label, enabled: false }))
    this.tray.setContextMenu(Menu.buildFromTemplate([...presence, { type: 'separator' }, ...this.actions()]))
  }

  dispose(): void {
    this.tray.destroy()
  }
}

export class ElectronNotifier implements Notifier {
  notify(title: string, body: string): void {
    if (Notification.isSupported()) new Notification({ title, body }).show()
  }
}

export class ElectronWindowTitles implements WindowTitles {
  setTitle(windowId: number, title: string): void {
    const window = BrowserWindow.fromId(windowId)
    if (window !== null && !window.isDestroyed()) window.setTitle(title)
  }
}
