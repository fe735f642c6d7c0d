import type { PlatformBridge } from '../../../app/bridge'
import { awarenessUserOf } from '../../../app/presence'
import { readContinuation } from '../../../app/session-continuation'
import type { DocumentSession } from '../document-session'
import { chooseContinuations } from './continuations'
import { HandoverController } from './handover-controller'
import { showHandover } from './handover-view'

/** Awareness field a host's own window sets while its computer hosts a LAN session. */
const hostingField = 'hosting'

/**
 * Lets the open document survive its host leaving (README, "When the host leaves"): a
 * `HandoverController` over the session, its notice in `element`, and, in the host's own window,
 * the mark that tells guests the host's name. Returns what stops all three.
 */
export const startHandover = (session: DocumentSession, bridge: PlatformBridge, element: HTMLElement): (() => void) => {
  const { awareness } = session.provider
  // Remembered while the host is there: once it has left, its presence has gone with it.
  let lastHostName: string | null = null
  const onAwareness = (): void => {
    lastHostName = hostNameIn(awareness.getStates()) ?? lastHostName
  }
  awareness.on('change', onAwareness)
  const controller = new HandoverController(session, {
    continuations: async (current) =>
      chooseContinuations({
        current,
        named: readContinuation(session.doc),
        rememberedRelays: (await bridge.library.get()).relays,
        embeddedRelay: bridge.embeddedRelay === null ? null : await bridge.embeddedRelay.url()
      }),
    hostName: () => lastHostName
  })
  const stopView = showHandover(element, controller)
  const stopMark = markHosting(session, bridge)
  return () => {
    stopMark()
    stopView()
    awareness.off('change', onAwareness)
    controller.destroy()
  }
}

const hostNameIn = (states: Map<number, Record<string, unknown>>): string | null => {
  for (const state of states.values()) {
    if (state[hostingField] === true) return awarenessUserOf(state)?.name ?? null
  }
  return null
}

/** In the desktop window of a document of this computer, tells its guests that this user hosts. */
const markHosting = (session: DocumentSession, bridge: PlatformBridge): (() => void) => {
  if (bridge.embeddedRelay === null || bridge.hosting.unavailableReason !== null || session.target.local !== true) return () => undefined
  const mark = (hosting: boolean): void => session.provider.awareness.setLocalStateField(hostingField, hosting)
  const stop = bridge.hosting.onChanged((state) => mark(state.state === 'hosting'))
  bridge.hosting.getState().then(
    (state) => mark(state.state === 'hosting'),
    (error: unknown) => console.warn('Ensemble: could not learn whether this computer hosts a session', error)
  )
  return stop
}
