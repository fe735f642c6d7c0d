/** What the presence service shows through: Electron's tray, notifications and window titles, or anything under Node. */
export interface TrayView {
  setTooltip(text: string): void
  /** The presence part of the tray menu: one line per document with people in it. */
  setPresenceItems(items: ReadonlyArray<{ readonly label: string }>): void
}

export interface Notifier {
  notify(title: string, body: string): void
}

export interface WindowTitles {
  setTitle(windowId: number, title: string): void
}
