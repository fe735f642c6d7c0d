import { parseRelayAddress } from '../../app/invite-link'

/** The manual-address fallback of discovery: is there an Ensemble relay at what the user typed? */
export const checkRelayAddress = async (
  typed: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 4000
): Promise<{ relay: string }> => {
  const relay = parseRelayAddress(typed)
  const healthUrl = `${relay.replace(/^ws/, 'http')}/healthz`
  let response: Response
  try {
    response = await fetchImpl(healthUrl, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' })
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error)
    throw new Error(`nothing answered at ${relay} (${cause}); check the address and that the host is on this network`)
  }
  const body = (await response.json().catch(() => null)) as { status?: unknown } | null
  if (!response.ok || body?.status !== 'ok') {
    throw new Error(`${relay} answered, but not as an Ensemble relay (HTTP ${response.status} from /healthz)`)
  }
  return { relay }
}
