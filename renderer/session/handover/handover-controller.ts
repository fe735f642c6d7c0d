import { ObservableV2 } from 'lib0/observable'
import type { DocumentTarget } from '../../../app/bridge'
import type { ConnectionMonitor } from '../connection-monitor'
import { relayAccessCheck } from '../relay-access-check'
import type { ContinuationPlace, ContinuationTarget } from './continuations'
import { HandoverTrigger, type HandoverRule } from './handover-trigger'

/** What the hand-over notice shows (`[data-testid=handover-notice]`). */
export type HandoverState =
  /** With the host, as opened (nothing to show). */
  | { readonly kind: 'with-host' }
  /** The host left and the session continues at `relayUrl`; `hostBack` once the host answers again. */
  | { readonly kind: 'moved'; readonly place: ContinuationPlace; readonly relayUrl: string; readonly hostName: string | null; readonly hostBack: boolean }
  /** Back with the host after a hand-over; `relayUrl` is where the session had continued. */
  | { readonly kind: 'returned'; readonly relayUrl: string }

/** The part of a `DocumentSession` a hand-over drives. */
export interface HandoverSession {
  readonly target: DocumentTarget
  readonly connection: Pick<ConnectionMonitor, 'state' | 'on' | 'off'>
  moveTo(next: DocumentTarget): void
}

export interface HandoverOptions {
  /** The places to continue at, most preferred first, for a session now at `current` (`chooseContinuations`). */
  readonly continuations: (current: DocumentTarget) => Promise<readonly ContinuationTarget[]>
  /** The host's display name as last seen in the document, or `null`. */
  readonly hostName?: () => string | null
  /** Whether a relay would admit the session now; by default its access check (`GET /api/docs/NAME/access`). */
  readonly probe?: (target: DocumentTarget) => Promise<boolean>
  readonly rule?: HandoverRule
  readonly now?: () => number
  /** How often to ask whether the host is back, in ms. */
  readonly hostCheckMs?: number
}

const admits = async (target: DocumentTarget): Promise<boolean> => (await relayAccessCheck(target)()) === null

/**
 * Moves a session off a host that left (`HandoverTrigger`) to the first place that admits it
 * (`continuations`), and from then on asks now and then whether the host is back, so that the user
 * can return. Moving keeps the session's Y.Doc (`DocumentSession.moveTo`), so nothing typed before,
 * during or after the switch is lost, whichever way it goes.
 */
export class HandoverController extends ObservableV2<{ change: (state: HandoverState) => void }> {
  private current: HandoverState = { kind: 'with-host' }
  private trigger: HandoverTrigger
  private readonly host: DocumentTarget
  private searching = false
  private deadlineTimer: ReturnType<typeof setTimeout> | undefined
  private hostTimer: ReturnType<typeof setInterval> | undefined
  private askingHost = false
  private destroyed = false
  private readonly probe: (target: DocumentTarget) => Promise<boolean>
  private readonly now: () => number

  constructor(
    private readonly session: HandoverSession,
    private readonly options: HandoverOptions
  ) {
    super()
    this.host = session.target
    this.probe = options.probe ?? admits
    this.now = options.now ?? Date.now
    this.trigger = new HandoverTrigger(options.rule, this.now)
    session.connection.on('change', this.onConnection)
  }

  get state(): HandoverState {
    return this.current
  }

  /** Goes back to the host (after it came back); the host and the relay exchange what each lacks. */
  returnToHost(): void {
    if (this.current.kind !== 'moved') return
    const relayUrl = this.current.relayUrl
    this.stopAskingHost()
    this.move(this.host)
    this.set({ kind: 'returned', relayUrl })
  }

  override destroy(): void {
    this.destroyed = true
    clearTimeout(this.deadlineTimer)
    this.stopAskingHost()
    this.session.connection.off('change', this.onConnection)
    super.destroy()
  }

  private readonly onConnection = (): void => {
    if (this.trigger.observe(this.session.connection.state) !== null) void this.handOver()
    else this.armDeadline()
  }

  /** The time limit passes between two failed attempts when an attempt hangs (a port that drops packets). */
  private armDeadline(): void {
    const deadline = this.trigger.deadline()
    if (deadline === null || this.deadlineTimer !== undefined) return
    this.deadlineTimer = setTimeout(() => {
      this.deadlineTimer = undefined
      if (this.trigger.due() !== null) void this.handOver()
    }, Math.max(0, deadline - this.now()))
  }

  private async handOver(): Promise<void> {
    if (this.searching || this.destroyed) return
    this.searching = true
    try {
      const from = this.session.target
      for (const place of await this.options.continuations(from)) {
        if (!(await this.probe(place).catch(() => false))) continue
        // The session may have found its relay again meanwhile.
        if (this.destroyed || this.session.target !== from || this.trigger.due() === null) return
        const hostName = this.options.hostName?.() ?? null
        this.move(place)
        this.set({ kind: 'moved', place: place.place, relayUrl: place.relayUrl, hostName, hostBack: false })
        this.askHostNowAndThen()
        return
      }
    } catch (error) {
      console.error('Ensemble: looking for where the session continues failed; trying again at the next failed attempt', error)
    } finally {
      this.searching = false
    }
  }

  private move(target: DocumentTarget): void {
    clearTimeout(this.deadlineTimer)
    this.deadlineTimer = undefined
    this.trigger = new HandoverTrigger(this.options.rule, this.now)
    this.session.moveTo(target)
  }

  private askHostNowAndThen(): void {
    this.stopAskingHost()
    this.hostTimer = setInterval(() => {
      if (this.askingHost) return
      this.askingHost = true
      this.probe(this.host)
        .catch(() => false)
        .then((back) => {
          this.askingHost = false
          if (!back || this.destroyed || this.current.kind !== 'moved') return
          this.stopAskingHost()
          this.set({ ...this.current, hostBack: true })
        })
    }, this.options.hostCheckMs ?? 5_000)
  }

  private stopAskingHost(): void {
    clearInterval(this.hostTimer)
    this.hostTimer = undefined
  }

  private set(state: HandoverState): void {
    this.current = state
    this.emit('change', [state])
  }
}
