import { describe, expect, it } from 'vitest'
import { ariaKeyShortcut, formatShortcut, isMacPlatform } from './shortcut'

describe('shortcut hints', () => {
  it('write Mod as ⌘ on macOS and as Ctrl elsewhere, in each platform’s order', () => {
    expect(formatShortcut('Mod-b', true)).toBe('⌘B')
    expect(formatShortcut('Mod-b', false)).toBe('Ctrl+B')
    expect(formatShortcut('Shift-Mod-Alt-t', true)).toBe('⌥⇧⌘T')
    expect(formatShortcut('Shift-Mod-Alt-t', false)).toBe('Ctrl+Shift+Alt+T')
    expect(formatShortcut('Alt-F10', false)).toBe('Alt+F10')
    expect(formatShortcut('Mod--', false)).toBe('Ctrl+-')
  })

  it('name the keys for aria-keyshortcuts', () => {
    expect(ariaKeyShortcut('Mod-Shift-8', false)).toBe('Control+Shift+8')
    expect(ariaKeyShortcut('Mod-z', true)).toBe('Meta+Z')
  })

  it('refuse a shortcut they cannot read, naming it', () => {
    expect(() => formatShortcut('Hyper-x', false)).toThrow('"Hyper-x" has an unknown modifier "Hyper"')
    expect(() => formatShortcut('', false)).toThrow('names no key')
  })

  it('tell macOS from the rest by the platform', () => {
    expect(isMacPlatform({ platform: 'MacIntel', userAgent: '' })).toBe(true)
    expect(isMacPlatform({ platform: 'Linux x86_64', userAgent: '' })).toBe(false)
    expect(isMacPlatform({ platform: '', userAgent: 'Mozilla/5.0 (iPad; CPU OS 17_0)' })).toBe(true)
  })
})
