import { connect } from 'node:tls'
import { fingerprintOfDer } from '../lan/tls-identity'

/** What Electron's certificate verifier is told to do: accept (0), refuse (-2), or keep Chromium's own verdict (-3). */
export const verdicts = { accept: 0, refuse: -2, useChromium: -3 } as const
export type Verdict = (typeof verdicts)[keyof typeof verdicts]

/**
 * The certificates the desktop app accepts from LAN hosts that made their own (a colleague's
 * Ensemble hosting a session): per host name, the fingerprint their invite link or mDNS advert
 * carried. Electron asks `verify` for every TLS connection (`session.setCertificateVerifyProc`):
 * a certificate Chromium trusts anyway (a hosted relay's) passes; one from a pinned host passes
 * only if its fingerprint is the pinned one, whatever Chromium thinks; the rest get Chromium's
 * verdict, which refuses a self-signed certificate.
 */
export class CertificatePins {
  private readonly pins = new Map<string, string>()

  /** Accepts `fingerprint` from `host` (a host name or IP address, no port) from now on. */
  pin(host: string, fingerprint: string): void {
    this.pins.set(normalizeHost(host), fingerprint)
  }

  pinned(host: string): string | undefined {
    return this.pins.get(normalizeHost(host))
  }

  /** The verdict for `host` presenting a certificate with `fingerprint`, Chromium having judged it `chromiumResult` (0 = trusted). */
  verify(host: string, fingerprint: string, chromiumResult: number): Verdict {
    const pinned = this.pins.get(normalizeHost(host))
    if (pinned === undefined) return chromiumResult === 0 ? verdicts.accept : verdicts.useChromium
    return pinned === fingerprint ? verdicts.accept : verdicts.refuse
  }
}

/** `[::1]` and `::1` are one host, as are `Host` and `host`. */
const normalizeHost = (host: string): string => host.replace(/^\[(.*)\]$/, '$1').toLowerCase()

/**
 * Connects to `relay` (`wss://host:port`) and compares the certificate it presents with
 * `fingerprint`, before anything else is sent. Resolves with `null` when they match, or with a
 * message that says what is wrong and what to do; never with the connection.
 */
export const checkRelayCertificate = (relay: string, fingerprint: string, timeoutMs = 5000): Promise<string | null> => {
  const url = new URL(relay)
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const port = Number(url.port || 443)
  return new Promise((resolve) => {
    // Verification is ours: the certificate is self-signed, so only its fingerprint can vouch for it.
    const socket = connect({ host, port, rejectUnauthorized: false, ...(isIpAddress(host) ? {} : { servername: host }) })
    const timer = setTimeout(() => {
      socket.destroy()
      resolve(`${url.host} did not answer within ${timeoutMs / 1000} s; check that the host is still hosting and on your network`)
    }, timeoutMs)
    socket.once('secureConnect', () => {
      clearTimeout(timer)
      const presented = fingerprintOfDer(socket.getPeerCertificate(false).raw)
      socket.destroy()
      resolve(
        presented === fingerprint
          ? null
          : `the host at ${url.host} presented a certificate (${presented}) that is not the one in your invite (${fingerprint}). ` +
              'Someone else may be answering in its place; ask the host for a new invite, or check that you are on the right network.'
      )
    })
    socket.once('error', (error) => {
      clearTimeout(timer)
      resolve(`cannot reach ${url.host} over TLS: ${error.message}; check that the host is still hosting and on your network`)
    })
  })
}

const isIpAddress = (host: string): boolean => /^[\d.]+$/.test(host) || host.includes(':')
