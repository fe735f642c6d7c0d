/**
 * Test support: relay instances as child processes running the real CLI (`server/cli.ts`), and a
 * TCP load balancer in front of them. Imported by tests and benchmarks only.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { createConnection, createServer, type Server, type Socket } from 'node:net'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const cliPath = fileURLToPath(new URL('../cli.ts', import.meta.url))

export interface RelayProcess {
  readonly child: ChildProcess
  /** `ws://127.0.0.1:PORT` */
  readonly url: string
  readonly httpUrl: string
  /** Every JSON log line so far. */
  readonly lines: string[]
  /** Resolves with the exit code (or signal) once the process has exited. */
  readonly exited: Promise<number | NodeJS.Signals | null>
  /** GET `/healthz`, parsed. */
  health(): Promise<{ status: string; dependencies: Record<string, { ok: boolean; detail?: string }>; rooms: number; connections: number }>
  kill(signal?: NodeJS.Signals): Promise<void>
}

/** Starts `npm run relay`'s entry point with `args` and resolves once it logs that it listens. */
export const startRelayProcess = async (args: string[], env: Record<string, string> = {}): Promise<RelayProcess> => {
  const child = spawn(process.execPath, ['--import', 'tsx', cliPath, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env }
  })
  const lines: string[] = []
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal))
  )
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line)
      let entry: { msg?: string; url?: string }
      try {
        entry = JSON.parse(line) as typeof entry
      } catch {
        return
      }
      if (entry.msg?.startsWith('relay listening') === true && entry.url !== undefined) resolve(entry.url)
    })
    void exited.then((code) => reject(new Error(`relay exited (${code}) before listening: ${stderr}${lines.join('\n')}`)))
  })
  const httpUrl = url.replace(/^ws/, 'http')
  return {
    child,
    url,
    httpUrl,
    lines,
    exited,
    health: async () => (await fetch(`${httpUrl}/healthz`)).json() as ReturnType<RelayProcess['health']>,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    }
  }
}

export interface TcpBalancer {
  /** `ws://127.0.0.1:PORT`, to give clients instead of an instance's URL. */
  readonly url: string
  /** Cuts every connection passing through now, as a network failure would. */
  dropConnections(): void
  close(): Promise<void>
}

/**
 * A failover load balancer, as an operator would put in front of the relays: each new connection
 * goes to the first backend in `backends()` that accepts it. WebSockets pass through untouched.
 */
export const startTcpBalancer = async (backends: () => string[]): Promise<TcpBalancer> => {
  const sockets = new Set<Socket>()
  const server: Server = createServer((incoming) => {
    sockets.add(incoming)
    incoming.pause()
    incoming.on('error', () => incoming.destroy())
    incoming.on('close', () => sockets.delete(incoming))
    const tryBackend = (candidates: string[]): void => {
      const next = candidates[0]
      if (next === undefined || incoming.destroyed) return void incoming.destroy()
      const { hostname, port } = new URL(next)
      const outgoing = createConnection({ host: hostname, port: Number(port) })
      let connected = false
      outgoing.on('error', () => {
        // Refused: that backend is down, try the next one. Broken later: 'close' ends the client's side.
        if (!connected) tryBackend(candidates.slice(1))
      })
      outgoing.once('connect', () => {
        connected = true
        sockets.add(outgoing)
        outgoing.on('close', () => {
          sockets.delete(outgoing)
          incoming.destroy()
        })
        incoming.on('close', () => outgoing.destroy())
        incoming.pipe(outgoing)
        outgoing.pipe(incoming)
        incoming.resume()
      })
    }
    tryBackend(backends())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (typeof address !== 'object' || address === null) throw new Error('the balancer has no address')
  return {
    url: `ws://127.0.0.1:${address.port}`,
    dropConnections: () => {
      for (const socket of sockets) socket.destroy()
    },
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

/** Runs the relay's command line to completion (e.g. the `token` subcommand) and returns what it printed. */
export const runRelayCommand = async (
  args: string[],
  env: Record<string, string> = {}
): Promise<{ code: number; stdout: string; stderr: string }> => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cliPath, ...args], {
      env: { ...process.env, ...env }
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' }
  }
}
