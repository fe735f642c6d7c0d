/**
 * Test support: a real PostgreSQL and a real Redis on loopback, on free ports, in temporary
 * folders (Debian's packages; `.ci/run` installs them). Imported by tests and benchmarks only.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { chown, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { promisify } from 'node:util'
import pg from 'pg'

const run = promisify(execFile)

/** A TCP port on 127.0.0.1 that nobody listens on right now, for servers that cannot report the port they got for 0. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))))
    })
  })

export interface TestPostgres {
  /** Connection string of the `postgres` database (superuser, no password). */
  readonly url: string
  readonly port: number
  /** Creates an empty database and returns its connection string. */
  createDatabase(name: string): Promise<string>
  /** Stops the server at once (like a crash) and keeps its files, so `start()` can bring it back. */
  kill(): Promise<void>
  start(): Promise<void>
  /** Stops the server and removes its files. */
  stop(): Promise<void>
}

const postgresBinDir = (): string => {
  const fromEnv = process.env.ENSEMBLE_PG_BIN
  if (fromEnv !== undefined) return fromEnv
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : []
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0]
  if (newest === undefined) {
    throw new Error(`No PostgreSQL binaries under ${root}; install the "postgresql" package (.ci/run does) or set ENSEMBLE_PG_BIN`)
  }
  return join(root, newest, 'bin')
}

/** PostgreSQL refuses to run as root: as root, run its tools as the `postgres` user. */
const asPostgresUser = (command: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]

/**
 * Starts a throwaway PostgreSQL cluster without fsync (fast, for tests only). Commits stay
 * synchronous, so a committed row survives `kill()`, as it would a crashed server.
 */
export const startPostgres = async (): Promise<TestPostgres> => {
  const bin = postgresBinDir()
  const dir = await mkdtemp(join(tmpdir(), 'ensemble-pg-'))
  const data = join(dir, 'data')
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres'])
    await chown(dir, Number(stdout.trim()), 0)
  }
  const tool = async (name: string, args: string[]): Promise<void> => {
    const [command, argv] = asPostgresUser(join(bin, name), args)
    try {
      await run(command, argv, { cwd: dir })
    } catch (error) {
      const failed = error as { stderr?: string; message: string }
      throw new Error(`${name} failed: ${failed.stderr?.trim() || failed.message}`, { cause: error })
    }
  }
  await tool('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--no-locale'])
  const port = await freePort()
  const serverOptions = [
    `-p ${port}`,
    '-h 127.0.0.1',
    `-k ${dir}`,
    '-c fsync=off',
    '-c full_page_writes=off',
    '-c max_connections=200'
  ].join(' ')
  const start = (): Promise<void> => tool('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', serverOptions, '-w', '-t', '30', 'start'])
  const kill = (): Promise<void> => tool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
  await start()
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  let running = true
  return {
    url,
    port,
    createDatabase: async (name) => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`)
      } finally {
        await client.end()
      }
      return `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(name)}`
    },
    kill: async () => {
      await kill()
      running = false
    },
    start: async () => {
      await start()
      running = true
    },
    stop: async () => {
      if (running) await kill().catch(() => {})
      running = false
      await rm(dir, { recursive: true, force: true })
    }
  }
}

export interface TestRedis {
  readonly url: string
  readonly port: number
  /** Process id of the running server, for benchmarks that read its CPU time. */
  pid(): number | undefined
  /** Kills the server (SIGKILL, like a crash); `start()` brings it back empty on the same port. */
  kill(): Promise<void>
  start(): Promise<void>
  stop(): Promise<void>
}

/** Starts a throwaway `redis-server` without persistence. */
export const startRedis = async (): Promise<TestRedis> => {
  const dir = await mkdtemp(join(tmpdir(), 'ensemble-redis-'))
  const port = await freePort()
  let child: ChildProcess | undefined
  const start = async (): Promise<void> => {
    const server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    child = server
    const output: string[] = []
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: server.stdout! }).on('line', (line) => {
        output.push(line)
        if (line.includes('Ready to accept connections')) resolve()
      })
      server.once('error', (error) => reject(new Error(`cannot run redis-server (install "redis-server"): ${error.message}`)))
      server.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output.join('\n')}`)))
    })
  }
  const kill = async (): Promise<void> => {
    const server = child
    child = undefined
    if (server === undefined || server.exitCode !== null) return
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill('SIGKILL')
    await exited
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: () => child?.pid,
    kill,
    start,
    stop: async () => {
      await kill()
      await rm(dir, { recursive: true, force: true })
    }
  }
}
