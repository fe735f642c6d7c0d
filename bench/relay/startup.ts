/**
 * What a relay costs before anyone uses it: how long it takes from spawning its process to saying
 * it listens, and its RSS after idling with nothing connected. Cheap enough to run in every
 * `npm run bench:relay`; each relay is started several times, the relays taking turns going first.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { sampleProcess } from './proc-stats'
import { relayOrderForTurn } from './relay-order'
import { startRelay, type RelayName, type RelayNodeArgs } from './relay-process'
import { mebibytes, median, ratio } from './stats'
import { startupTargets, type TargetCheck } from './targets'

export interface StartupSpec {
  /** Starts per relay. */
  readonly starts: number
  /** Seconds each started relay idles, with nothing connected, before its RSS is read. */
  readonly idleSeconds: number
}

export interface StartupSample {
  /** From spawning the process to the line in which the relay says it listens. */
  readonly listeningMs: number
  readonly idleRssMiB: number
}

export interface RelayStartup {
  readonly starts: readonly StartupSample[]
  /** Medians over the starts (the lower middle one for an even count). */
  readonly medianListeningMs: number
  readonly medianIdleRssMiB: number
}

export interface StartupRatios {
  readonly listeningMs: number | null
  readonly idleRss: number | null
}

export interface StartupReport extends StartupSpec {
  readonly relays: Partial<Record<RelayName, RelayStartup | { readonly failure: string }>>
  /** ours / reference of the medians. */
  readonly ratios: StartupRatios | null
  /** ours / reference-leveldb of the medians. */
  readonly ratiosVsLeveldbReference: StartupRatios | null
  readonly targets: TargetCheck[]
}

/** Starts each of `relays` `spec.starts` times and reports the medians. */
export const measureStartup = async (
  spec: StartupSpec,
  relays: readonly RelayName[],
  options: { readonly relayNodeArgs: RelayNodeArgs; readonly log: (text: string) => void }
): Promise<StartupReport> => {
  options.log(`startup: ${spec.starts} starts per relay, RSS after ${spec.idleSeconds} s idle`)
  const samples = new Map<RelayName, StartupSample[]>(relays.map((relay) => [relay, []]))
  const failures = new Map<RelayName, string>()
  for (let turn = 0; turn < spec.starts; turn++) {
    for (const relay of relayOrderForTurn(relays, turn)) {
      if (failures.has(relay)) continue
      try {
        samples.get(relay)!.push(await startAndIdle(relay, spec.idleSeconds, options.relayNodeArgs[relay]))
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        options.log(`startup ${relay}: failed: ${message}`)
        failures.set(relay, message)
      }
    }
  }
  const results: Partial<Record<RelayName, RelayStartup | { failure: string }>> = {}
  for (const relay of relays) {
    const failure = failures.get(relay)
    results[relay] = failure !== undefined ? { failure } : summarize(samples.get(relay)!)
  }
  const ratiosTo = (other: RelayName): StartupRatios | null => {
    const ours = results.ours
    const theirs = results[other]
    if (ours === undefined || theirs === undefined || 'failure' in ours || 'failure' in theirs) return null
    return { listeningMs: ratio(ours.medianListeningMs, theirs.medianListeningMs), idleRss: ratio(ours.medianIdleRssMiB, theirs.medianIdleRssMiB) }
  }
  const ratios = ratiosTo('reference')
  return { ...spec, relays: results, ratios, ratiosVsLeveldbReference: ratiosTo('reference-leveldb'), targets: startupTargets(ratios) }
}

const startAndIdle = async (name: RelayName, idleSeconds: number, nodeArgs: readonly string[]): Promise<StartupSample> => {
  const relay = await startRelay(name, { nodeArgs })
  try {
    await Promise.race([
      sleep(idleSeconds * 1000),
      relay.exited.then(({ code, signal }) => {
        throw new Error(`the ${name} relay exited (code ${code}, signal ${signal}) while idling; its last output:\n${relay.outputTail()}`)
      })
    ])
    const { rssBytes } = await sampleProcess(relay.pid)
    return { listeningMs: relay.listeningMs, idleRssMiB: mebibytes(rssBytes) }
  } finally {
    await relay.stop()
  }
}

const summarize = (starts: readonly StartupSample[]): RelayStartup => ({
  starts,
  medianListeningMs: median(starts.map((start) => start.listeningMs))!,
  medianIdleRssMiB: median(starts.map((start) => start.idleRssMiB))!
})
