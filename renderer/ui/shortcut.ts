/**
 * Keyboard shortcuts as ProseMirror's keymaps name them (`Mod-Shift-b`, `Alt-F10`), shown the way
 * each platform writes them: `⌘⇧B` on macOS, `Ctrl+Shift+B` elsewhere. `Mod` is Cmd on macOS and
 * Ctrl elsewhere, as in prosemirror-keymap.
 */

/** Whether the page runs on macOS (or iOS), where `Mod` is ⌘. */
export const isMacPlatform = (navigatorLike: Pick<Navigator, 'platform' | 'userAgent'> = navigator): boolean =>
  /Mac|iPhone|iPad|iPod/.test(navigatorLike.platform || navigatorLike.userAgent)

const macSymbols: Readonly<Record<string, string>> = { Mod: '⌘', Meta: '⌘', Cmd: '⌘', Ctrl: '⌃', Shift: '⇧', Alt: '⌥' }
const otherNames: Readonly<Record<string, string>> = { Mod: 'Ctrl', Meta: 'Meta', Cmd: 'Meta', Ctrl: 'Ctrl', Shift: 'Shift', Alt: 'Alt' }
/** The order modifiers are written in: Apple's (⌃⌥⇧⌘) on macOS, Ctrl+Shift+Alt elsewhere. */
const macOrder = ['Ctrl', 'Alt', 'Shift', 'Mod', 'Meta', 'Cmd']
const otherOrder = ['Mod', 'Ctrl', 'Meta', 'Cmd', 'Shift', 'Alt']

const parts = (shortcut: string): { modifiers: string[]; key: string } => {
  const pieces = shortcut.split(/-(?!$)/)
  const key = pieces.pop()
  if (key === undefined || key === '') throw new RangeError(`"${shortcut}" names no key`)
  for (const modifier of pieces) {
    if (!(modifier in otherNames)) throw new RangeError(`"${shortcut}" has an unknown modifier "${modifier}"`)
  }
  return { modifiers: pieces, key: key.length === 1 ? key.toUpperCase() : key }
}

const sorted = (modifiers: readonly string[], order: readonly string[]): string[] =>
  [...modifiers].sort((a, b) => order.indexOf(a) - order.indexOf(b))

/** `Mod-Shift-b` as the user reads it: `⌘⇧B` on macOS, `Ctrl+Shift+B` elsewhere. */
export const formatShortcut = (shortcut: string, mac: boolean = isMacPlatform()): string => {
  const { modifiers, key } = parts(shortcut)
  if (mac) return sorted(modifiers, macOrder).map((modifier) => macSymbols[modifier]).join('') + key
  return [...sorted(modifiers, otherOrder).map((modifier) => otherNames[modifier]), key].join('+')
}

/** `Mod-Shift-b` as `aria-keyshortcuts` wants it: `Meta+Shift+B` on macOS, `Control+Shift+B` elsewhere. */
export const ariaKeyShortcut = (shortcut: string, mac: boolean = isMacPlatform()): string => {
  const { modifiers, key } = parts(shortcut)
  const names: Record<string, string> = { Mod: mac ? 'Meta' : 'Control', Meta: 'Meta', Cmd: 'Meta', Ctrl: 'Control', Shift: 'Shift', Alt: 'Alt' }
  return [...sorted(modifiers, otherOrder).map((modifier) => names[modifier]), key].join('+')
}
