import { describe, expect, it } from 'vitest'
import { profileColors } from '../../app/profile'
import { createWebBridge, profileStorageKey, type WebPage } from './web-bridge'
import { webHostingUnavailable } from './web-lan'
import { libraryStorageKey } from './web-library'

type StorageListener = (event: { readonly key: string | null }) => void

/** A page with the parts of `window` the web bridge uses; `answer` plays the network for `fetch`. */
const pageAt = (href: string, stored: Record<string, string> = {}, answer: (url: string) => Promise<Response> = () => Promise.reject(new TypeError('Failed to fetch'))) => {
  const assigned: string[] = []
  const fetched: Array<{ url: string; mode: RequestMode | undefined }> = []
  const storageListeners = new Set<StorageListener>()
  const page: WebPage = {
    location: { href, assign: (url) => void assigned.push(url) },
    localStorage: {
      getItem: (key) => stored[key] ?? null,
      setItem: (key, value) => void (stored[key] = value),
      removeItem: (key) => void delete stored[key]
    },
    addEventListener: (_type, listener) => void storageListeners.add(listener),
    removeEventListener: (_type, listener) => void storageListeners.delete(listener),
    fetch: (url, init) => {
      fetched.push({ url, mode: init?.mode })
      return answer(url)
    }
  }
  return Object.assign(page, {
    assigned,
    stored,
    fetched,
    storageListeners,
    /** Another tab wrote `key`. */
    otherTabWrote: (key: string, value: string) => {
      stored[key] = value
      storageListeners.forEach((listener) => listener({ key }))
    }
  })
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
      token: 't1',
      local: true
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

  it('keeps the library in localStorage: documents on the page relay are local, and another tab\'s changes arrive', async () => {
    const page = pageAt('http://h:5/?doc=a')
    const bridge = createWebBridge(page)
    const seen: string[][] = []
    const stop = bridge.library.onChanged((library) => seen.push(library.documents.map((entry) => entry.relayUrl ?? entry.documentName)))
    await bridge.library.recordOpened((await bridge.currentDocument())!)
    await bridge.library.recordOpened({ relayUrl: 'ws://relay.example.org:4455', documentName: 'b', token: 't' })
    await bridge.library.rememberRelay({ url: 'wss://relay.example.org', token: 'secret' })
    const stored = JSON.parse(page.stored[libraryStorageKey]!)
    expect(stored.documents).toEqual([
      { documentName: 'b', relayUrl: 'ws://relay.example.org:4455', token: 't', openedAt: expect.any(Number) },
      { documentName: 'a', openedAt: expect.any(Number) }
    ])
    expect(stored.relays).toEqual([{ url: 'wss://relay.example.org', token: 'secret', usedAt: expect.any(Number) }])
    page.otherTabWrote(libraryStorageKey, JSON.stringify({ documents: [{ documentName: 'c', openedAt: 1 }], relays: [] }))
    stop()
    expect(page.storageListeners.size).toBe(0)
    expect(seen).toEqual([['a'], ['ws://relay.example.org:4455', 'a'], ['ws://relay.example.org:4455', 'a'], ['c']])
  })

  it('keeps an unreadable stored library aside instead of overwriting it', async () => {
    const page = pageAt('http://h:5/', { [libraryStorageKey]: '{"documents": "lost?"}' })
    const bridge = createWebBridge(page)
    expect(await bridge.library.get()).toEqual({ documents: [], relays: [] })
    const aside = Object.keys(page.stored).find((key) => key.startsWith(`${libraryStorageKey}.unreadable-`))
    expect(aside).toBeDefined()
    expect(page.stored[aside!]).toBe('{"documents": "lost?"}')
    await expect(bridge.library.rememberRelay({ url: 'ws://h:5/x' })).rejects.toThrow(/not saved.*without a path/)
  })

  it('opens documents on other relays with relay= and the token in the fragment; an https page sends ws:// relays to their own page', async () => {
    const page = pageAt('http://h:5/?doc=a&user=Ana')
    const bridge = createWebBridge(page)
    await bridge.open({ documentName: 'b', relayUrl: 'ws://10.0.0.5:4455', token: 'a.b.c' })
    await bridge.open({ documentName: 'c', relayUrl: 'ws://h:5' })
    await bridge.open({ documentName: 'd' })
    await bridge.openHome()
    expect(page.assigned).toEqual(['http://h:5/?doc=b&relay=ws%3A%2F%2F10.0.0.5%3A4455#token=a.b.c', 'http://h:5/?doc=c', 'http://h:5/?doc=d', 'http://h:5/'])
    const secure = pageAt('https://docs.example.org/')
    await createWebBridge(secure).open({ documentName: 'b', relayUrl: 'ws://10.0.0.5:4455', token: 'a.b.c' })
    expect(secure.assigned).toEqual(['http://10.0.0.5:4455/?doc=b#token=a.b.c'])
  })

  it('says that hosting and LAN browsing are desktop features', async () => {
    const { hosting, discovery } = createWebBridge(pageAt('http://h:5/'))
    expect(hosting.unavailableReason).toBe(webHostingUnavailable())
    expect(hosting.unavailableReason).toMatch(/desktop app/)
    await expect(hosting.host({ sessionName: 'x', access: 'link' })).rejects.toThrow(webHostingUnavailable())
    expect(await hosting.getState()).toEqual({ state: 'off' })
    expect(discovery.unavailableReason).toMatch(/Type the host’s address/)
  })

  it('checks a typed address by asking its /healthz, and says what went wrong', async () => {
    const answers = (url: string): Promise<Response> =>
      url === 'http://10.0.0.5:4455/healthz'
        ? Promise.resolve({ type: 'opaque', ok: false, status: 0 } as Response)
        : url === 'http://h:5/healthz'
          ? Promise.resolve(new Response('{"status":"ok"}', { status: 200 }))
          : url === 'http://h:6/healthz'
            ? Promise.resolve(new Response('hello', { status: 200 }))
            : Promise.reject(new TypeError('Failed to fetch'))
    const page = pageAt('http://h:5/', {}, answers)
    const { discovery } = createWebBridge(page)
    expect(await discovery.checkAddress('10.0.0.5')).toBe('ws://10.0.0.5:4455')
    expect(await discovery.checkAddress('http://h:5')).toBe('ws://h:5')
    await expect(discovery.checkAddress('h:6')).rejects.toThrow('ws://h:6 answered, but not as an Ensemble relay (HTTP 200 from /healthz)')
    await expect(discovery.checkAddress('10.0.0.9:1234')).rejects.toThrow('nothing answered at ws://10.0.0.9:1234 (Failed to fetch)')
    await expect(discovery.checkAddress('ftp://x')).rejects.toThrow(/uses ftp:/)
    expect(page.fetched[0]).toEqual({ url: 'http://10.0.0.5:4455/healthz', mode: 'no-cors' })
    await expect(createWebBridge(pageAt('https://docs.example.org/')).discovery.checkAddress('10.0.0.5')).rejects.toThrow(/came over https/)
  })

  it('tells listeners of profile changes saved here or in another tab', async () => {
    const page = pageAt('http://h:5/')
    const bridge = createWebBridge(page)
    const names: string[] = []
    const stop = bridge.onProfileChanged((profile) => names.push(profile.name))
    await bridge.saveProfile({ name: ' Ana ', color: '#123456' })
    page.otherTabWrote(profileStorageKey, JSON.stringify({ name: 'Bo', color: '#123456' }))
    stop()
    expect(names).toEqual(['Ana', 'Bo'])
  })

  it('exports PDF through the print dialog and says so when the page cannot print', async () => {
    const printed: string[] = []
    const page = { ...pageAt('http://h/?doc=a'), print: () => void printed.push('print') }
    expect(await createWebBridge(page).transfer.exportPdf('a')).toEqual({ outcome: 'printing' })
    expect(printed).toEqual(['print'])
    await expect(createWebBridge(pageAt('http://h/?doc=a')).transfer.exportPdf('a')).rejects.toThrow(/cannot print; export as HTML/)
  })
})
