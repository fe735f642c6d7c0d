/**
 * The web client's service worker: keeps the app shell (index.html and its assets) so that a
 * document opens in a browser without a connection, from its IndexedDB copy. Documents never pass
 * through here; they travel over the WebSocket. Only in secure contexts (https, or
 * http://localhost and 127.0.0.1), where browsers allow service workers.
 */

// The renderer is compiled against the DOM library; these are the parts of the service-worker
// scope used here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request
  respondWith(response: Promise<Response>): void
}
interface WorkerScope {
  readonly location: Location
  readonly registration: { readonly scope: string }
  readonly clients: { claim(): Promise<void> }
  skipWaiting(): Promise<void>
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void
}

const worker = self as unknown as WorkerScope
/** Bump when the caching rules change; older caches are deleted on activation. */
const cacheName = 'ensemble-shell-v1'
const shellKey = new URL('./', worker.registration.scope).href
/** Navigations that load the app; others (`/healthz`, `/metrics`) pass through untouched. */
const isAppNavigation = (url: URL): boolean => url.href.split(/[?#]/)[0] === shellKey || url.pathname === new URL('index.html', shellKey).pathname

/** Fetches index.html and every asset it names, and caches them. */
const cacheShell = async (): Promise<void> => {
  const cache = await caches.open(cacheName)
  const response = await fetch(shellKey, { cache: 'no-cache' })
  if (!response.ok) throw new Error(`the app shell answered ${response.status}; it is not cached`)
  const html = await response.clone().text()
  const assets = Array.from(html.matchAll(/(?:src|href)="(\.?\/?assets\/[^"]+)"/g), (match) => new URL(match[1]!, shellKey).href)
  await cache.put(shellKey, response)
  await cache.addAll(assets)
}

worker.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => worker.skipWaiting()))
})

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== cacheName).map((name) => caches.delete(name))))
      .then(() => worker.clients.claim())
  )
})

worker.addEventListener('fetch', (event) => {
  const { request } = event
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== worker.location.origin) return
  if (request.mode === 'navigate' && isAppNavigation(url)) {
    // Network first, so a new build shows at once; the cached shell when offline.
    event.respondWith(
      fetch(request).then(
        async (response) => {
          if (response.ok) await (await caches.open(cacheName)).put(shellKey, response.clone())
          return response
        },
        async (error: unknown) => (await caches.match(shellKey)) ?? Promise.reject(error)
      )
    )
  } else if (url.pathname.includes('/assets/')) {
    // Asset names carry a content hash: a cached one is never stale.
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ??
          fetch(request).then(async (response) => {
            if (response.ok) await (await caches.open(cacheName)).put(request, response.clone())
            return response
          })
      )
    )
  }
})
