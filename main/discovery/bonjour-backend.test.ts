import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const script = fileURLToPath(new URL('./testing/netns-discovery.ts', import.meta.url))
/** Loopback with multicast, in a network namespace of our own: mDNS traffic never leaves it. */
const namespaceSetup = 'ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo'

const probe = spawnSync('unshare', ['-rn', 'sh', '-c', namespaceSetup], { encoding: 'utf8' })
const namespaceProblem =
  probe.error !== undefined ? probe.error.message : probe.status !== 0 ? (probe.stderr.trim() || `exit ${probe.status}`) : null
if (namespaceProblem !== null) {
  console.log(`SKIPPED: real mDNS discovery needs a private network namespace (unshare -rn), which failed: ${namespaceProblem}`)
}

describe('DiscoveryService over real mDNS (bonjour-service)', () => {
  it.skipIf(namespaceProblem !== null)('finds, updates and loses an advertised session in a private network namespace', () => {
    const run = spawnSync(
      'unshare',
      ['-rn', 'sh', '-c', `${namespaceSetup} && exec "${process.execPath}" --import tsx "${script}"`],
      { encoding: 'utf8', timeout: 60_000 }
    )
    expect(run.stderr, run.stderr).toBe('')
    expect(run.status).toBe(0)
    const steps = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { step: string; sessions: Array<Record<string, unknown>> })
    expect(steps.map((step) => step.step)).toEqual(['found', 'updated', 'withdrawn'])
    expect(steps[0]!.sessions).toEqual([
      {
        id: 'Design review on ana-laptop',
        sessionName: 'Design review',
        hostName: 'ana-laptop',
        documentCount: 1,
        relay: 'ws://127.0.0.1:4455'
      }
    ])
    expect(steps[1]!.sessions[0]).toMatchObject({ documentCount: 5 })
    expect(steps[2]!.sessions).toEqual([])
  })
})
