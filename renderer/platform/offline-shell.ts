/**
 * Registers the service worker that keeps the web client's shell for offline use. In Electron the
 * renderer loads from the app itself and needs none; browsers allow one only in secure contexts.
 */
export const registerOfflineShell = (): void => {
  if (!('serviceWorker' in navigator) || !window.isSecureContext || !location.protocol.startsWith('http')) return
  navigator.serviceWorker.register('./service-worker.js').catch((error: unknown) => {
    // The editor works without it; only opening offline does not.
    console.warn('Ensemble: the offline shell could not be installed; documents open only when the relay is reachable.', error)
  })
}
