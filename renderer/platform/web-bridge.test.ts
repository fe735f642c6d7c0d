import { describe, expect, it } from 'vitest'
import { profileColors } from '../../app/profile'
import { createWebBridge, profileStorageKey, type WebPage } from './web-bridge'

const pageAt = (href: string, stored: Record<string, string> = {}): WebPage & { assigned: string[]; stored: Record<string, string> } => {
  const assigned: string[] = []
  return {
    assigned,
    stored,
    location: { href, assign: (url) => assigned.push(url) },
    localStorage: { getItem: (key) => stored[key] ?? null, setItem: (key, value) => void (stored[key] = value) }
  }
}

describe('web bridge', () => {
  it('has no profile on a first visit without user=', async () => {
    expect(await createWebBridge(pageAt('http://h/?doc=a')).loadProfile()).toBeNull()
  })

  it('takes the name from user=, keeps a saved colour and saves the result', async () => {
    const page = pageAt('http://h/?doc=a&user=Ben', { [profileStorageKey]: JSON.stringify({ name: 'Old', color: '#123456' }) })
    expect(await createWebBridge(page).loadProfile()).toEqual({ name: 'Ben', color: '#123456' })
    expect(JSON.parse(page.stored[profileStorageKey]!)).toEqual({ name: 'Ben', color: '#123456' })
  })

  it('gives a new user= a palette colour', async () => {
    const profile = await createWebBridge(pageAt('http://h/?doc=a&user=Ana')).loadProfile()
    expect(profileColors).toContain(profile?.color)
  })

  it('ignores a corrupt saved profile and refuses to save an invalid one', async () => {
    const bridge = createWebBridge(pageAt('http://h/', { [profileStorageKey]: '{not json' }))
    expect(await bridge.loadProfile()).toBeNull()
    await expect(bridge.saveProfile({ name: ' ', color: '#123456' })).rejects.toThrow(/display name is empty/)
  })

  it('turns the URL into a document target with the token, or explains a bad doc=', async () => {
    expect(await createWebBridge(pageAt('http://h:5/?doc=notes#token=t1')).currentDocument()).toEqual({
      relayUrl: 'ws://h:5',
      documentName: 'notes',
      token: 't1'
    })
    expect(await createWebBridge(pageAt('http://h:5/')).currentDocument()).toBeNull()
    await expect(createWebBridge(pageAt('http://h:5/?doc=a%2F%2Fb')).currentDocument()).rejects.toThrow(
      /cannot open a document: the document name "a\/\/b" has an empty path segment/
    )
  })

  it('opens another document by navigating', async () => {
    const page = pageAt('http://h:5/?doc=a#token=t')
    await createWebBridge(page).openDocument('b')
    expect(page.assigned).toEqual(['http://h:5/?doc=b#token=t'])
  })
})
