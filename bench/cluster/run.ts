/**
 * `npm run bench:cluster`: the relay benchmark's Load A (100 documents, each with 1 writer, 1 latency
 * probe and 20 listeners, 20 updates per second per document for 10 s) first on one relay instance,
 * then spread over three instances joined through Redis, all storing in PostgreSQL. In the cluster the
 * writer of each document is on instance 1 and its probe on instance 3, so every measured update
 * crosses Redis; listeners are spread over all three. Relays, Redis, PostgreSQL and the load
 * generators are separate processes. Prints one JSON object on stdout; progress goes to stderr.
 *
 * `--quick` runs a small load for a smoke test.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { startRelayProcess, type RelayProcess } from '../../server/testing/relay-process'
import { startPostgres, startRedis, type TestPostgres, type TestRedis } from '../../server/testing/services'
import type { DocumentPlan, WorkerReply, WorkerRequest } from './protocol'

const quick = process.argv.includes('--quick')
const load = quick
  ? { documents: 10, listenersPerDocument: 4, updatesPerSecondPerDocument: 20, seconds: 3 }
  : { documents: 100, listenersPerDocument: 20, updatesPerSecondPerDocument: 20, seconds: 10 }
const workerCount = 2
const log = (text: string): void => void process.stderr.write(`bench:cluster: ${text}\n`)

/** CPU seconds (user + system) a process has used so far, from /proc. */
const cpuSeconds = (pid: number | undefined): number => {
  if (pid === undefined) return 0
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100 // utime and stime, in clock ticks of 1/100 s
}
const rssMiB = (pid: number | undefined): number => {
  if (pid === undefined) return 0
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return match === null ? 0 : Math.round(Number(match[1]) / 102.4) / 10
}
const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits

/** A forked load generator that answers one request at a time. */
class Worker {
  private readonly child: ChildProcess
  private pending: { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void } | undefined
  constructor() {
    this.child = fork(fileURLToPath(new URL('./load-worker.ts', import.meta.url)), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc']
    })
    this.child.on('message', (reply: WorkerReply) => {
      const pending = this.pending
      this.pending = undefined
      if (reply.op === 'failed') pending?.reject(new Error(`load generator failed: ${reply.message}`))
      else pending?.resolve(reply)
    })
    this.child.once('exit', (code) => this.pending?.reject(new Error(`load generator exited with ${code}`)))
  }
  request<T extends WorkerReply['op']>(request: WorkerRequest): Promise<Extract<WorkerReply, { op: T }>> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve: resolve as (reply: WorkerReply) => void, reject }
      this.child.send(request)
    })
  }
  stop(): void {
    this.child.disconnect()
  }
}

/** Counters of `/metrics` whose line starts with `name`, summed. */
const metricSum = async (instance: RelayProcess, name: string): Promise<number> => {
  const text = await (await fetch(`${instance.httpUrl}/metrics`)).text()
  return text
    .split('\n')
    .filter((line) => line.startsWith(name))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0)
}

const runLoad = async (mode: string, instances: RelayProcess[], redis: TestRedis | null) => {
  const [first, , last] = [instances[0]!, instances[1], instances[instances.length - 1]!]
  let next = 0
  const plans: DocumentPlan[] = Array.from({ length: load.documents }, (_, i) => ({
    name: `bench/${mode}/${i}`,
    writerUrl: first.url,
    probeUrl: last.url,
    listenerUrls: Array.from({ length: load.listenersPerDocument }, () => instances[next++ % instances.length]!.url)
  }))
  const workers = Array.from({ length: workerCount }, () => new Worker())
  try {
    const shares = workers.map((_, w) => plans.filter((_, i) => i % workerCount === w))
    log(`${mode}: connecting ${plans.length * (2 + load.listenersPerDocument)} clients to ${instances.length} instance(s)`)
    const connectStarted = performance.now()
    const connected = await Promise.all(workers.map((worker, w) => worker.request<'connected'>({ op: 'connect', plans: shares[w]! })))
    const connectSeconds = (performance.now() - connectStarted) / 1000
    const pids = instances.map((instance) => instance.child.pid)
    const cpuBefore = pids.map(cpuSeconds)
    const redisCpuBefore = cpuSeconds(redis?.pid())
    log(`${mode}: ${load.updatesPerSecondPerDocument} updates/s on each of ${plans.length} documents for ${load.seconds} s`)
    const results = await Promise.all(
      workers.map((worker) => worker.request<'ran'>({ op: 'run', seconds: load.seconds, updatesPerSecond: load.updatesPerSecondPerDocument }))
    )
    const cpuUsed = pids.map((pid, i) => round(cpuSeconds(pid) - cpuBefore[i]!))
    const rss = pids.map(rssMiB)
    const latencies = results.flatMap((r) => r.latenciesMs).sort((a, b) => a - b)
    const crossInstance =
      redis === null
        ? null
        : {
            updatesPublished: (await Promise.all(instances.map((i) => metricSum(i, 'ensemble_cluster_messages_published_total{kind="update"}')))).reduce((a, b) => a + b, 0),
            updatesReceived: (await Promise.all(instances.map((i) => metricSum(i, 'ensemble_cluster_messages_received_total{kind="update"}')))).reduce((a, b) => a + b, 0),
            bytesPublished: (await Promise.all(instances.map((i) => metricSum(i, 'ensemble_cluster_bytes_published_total')))).reduce((a, b) => a + b, 0),
            redisCpuSeconds: round(cpuSeconds(redis.pid()) - redisCpuBefore)
          }
    await Promise.all(workers.map((worker) => worker.request<'closed'>({ op: 'close' })))
    return {
      instances: instances.length,
      connections: { planned: plans.length * (2 + load.listenersPerDocument), connected: connected.reduce((s, c) => s + c.connections, 0), seconds: round(connectSeconds) },
      latencyMs: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1) ?? NaN), samples: latencies.length },
      // Fewer sent than planned means the load generators could not keep the rate (a busy machine).
      updates: {
        planned: plans.length * load.updatesPerSecondPerDocument * load.seconds,
        sent: results.reduce((s, r) => s + r.sent, 0),
        seenByProbes: results.reduce((s, r) => s + r.seen, 0)
      },
      probesIdenticalToWriters: results.every((r) => r.mismatched.length === 0),
      droppedListeners: results.reduce((s, r) => s + r.droppedListeners, 0),
      listenerFrames: results.reduce((s, r) => s + r.listenerFrames, 0),
      relayCpuSeconds: { total: round(cpuUsed.reduce((a, b) => a + b, 0)), perInstance: cpuUsed },
      relayRssMiBUnderLoad: rss,
      ...(crossInstance === null ? {} : { crossInstance })
    }
  } finally {
    for (const worker of workers) worker.stop()
  }
}

const main = async (): Promise<void> => {
  let redis: TestRedis | undefined
  let postgres: TestPostgres | undefined
  const relays: RelayProcess[] = []
  try {
    log('starting PostgreSQL and Redis on loopback')
    ;[redis, postgres] = await Promise.all([startRedis(), startPostgres()])
    // Every load client connects from 127.0.0.1, so the per-address limit must allow all of them.
    const relayArgs = (database: string): string[] => [
      '--storage', 'postgres', '--postgres-url', database, '--linger-ms', '1000',
      '--max-connections-per-address', String(load.documents * (2 + load.listenersPerDocument))
    ]

    const single = await startRelayProcess(relayArgs(await postgres.createDatabase('single')))
    relays.push(single)
    const singleResult = await runLoad('single', [single], null)
    await single.kill('SIGTERM')

    const clusterDatabase = await postgres.createDatabase('cluster')
    const cluster = await Promise.all(
      [1, 2, 3].map((n) => startRelayProcess([...relayArgs(clusterDatabase), '--redis-url', redis!.url, '--instance-id', `relay-${n}`]))
    )
    relays.push(...cluster)
    const clusterResult = await runLoad('cluster', cluster, redis)

    const ratio = (a: number, b: number): number => round(a / b)
    process.stdout.write(
      JSON.stringify(
        {
          benchmark: 'bench:cluster',
          quick,
          load: { ...load, connections: load.documents * (2 + load.listenersPerDocument) },
          machine: { cpus: cpus().length, loadAverage1m: round(loadavg()[0]!) },
          singleInstance: singleResult,
          cluster: clusterResult,
          clusterVsSingle: {
            latencyP50: ratio(clusterResult.latencyMs.p50, singleResult.latencyMs.p50),
            latencyP99: ratio(clusterResult.latencyMs.p99, singleResult.latencyMs.p99),
            relayCpuSeconds: ratio(clusterResult.relayCpuSeconds.total, singleResult.relayCpuSeconds.total)
          }
        },
        null,
        2
      ) + '\n'
    )
  } finally {
    await Promise.all(relays.map((relay) => relay.kill('SIGKILL')))
    await Promise.all([redis?.stop(), postgres?.stop()])
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:cluster failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
