/**
 * CPU time and resident memory of one process, read from Linux's /proc, so that each relay's own
 * figures are measured from outside it, with no cooperation from the code under test.
 */
import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { cpus } from 'node:os'

export interface ProcessSample {
  /** User plus system CPU time of every thread of the process since it started. */
  readonly cpuSeconds: number
  /** The system (kernel) part of `cpuSeconds`: on loopback mostly socket writes and reads. */
  readonly systemCpuSeconds: number
  readonly rssBytes: number
  /** Peak resident set size since the process started (VmHWM). */
  readonly peakRssBytes: number
  /** write and writev calls the process has made (`syscw` of /proc/PID/io): on a relay, mostly one per socket send. */
  readonly writeSyscalls: number
  /**
   * Seconds the main thread (the event loop) was ready to run but waited for a core
   * (/proc/PID/schedstat): time the machine, not the relay's code, added to its latency.
   */
  readonly mainThreadRunQueueWaitSeconds: number
}

let ticksPerSecond: number | undefined

/** The kernel's clock tick (`getconf CLK_TCK`, 100 on every mainstream Linux), in which /proc/PID/stat counts CPU time. */
export const clockTicksPerSecond = (): number => {
  if (ticksPerSecond === undefined) {
    const answer = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim())
    if (!Number.isInteger(answer) || answer <= 0) throw new Error(`getconf CLK_TCK printed "${answer}", not a tick rate`)
    ticksPerSecond = answer
  }
  return ticksPerSecond
}

/** utime and stime in clock ticks from the text of /proc/PID/stat. */
export const parseCpuTicks = (stat: string): { user: number; system: number } => {
  // The command name (field 2) is in parentheses and may itself contain spaces or parentheses.
  const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // afterName[0] is field 3 (state); utime and stime are fields 14 and 15.
  const utime = Number(afterName[11])
  const stime = Number(afterName[12])
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`cannot read utime/stime from /proc stat line "${stat}"`)
  return { user: utime, system: stime }
}

/** A `VmRSS`-style field of /proc/PID/status, in bytes. */
export const parseStatusBytes = (status: string, field: 'VmRSS' | 'VmHWM'): number => {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)
  if (match === null) throw new Error(`/proc status has no ${field} line; is the process a zombie?`)
  return Number(match[1]) * 1024
}

/** A counter line of /proc/PID/io, such as `syscw: 1234`. */
export const parseIoCounter = (io: string, field: 'syscr' | 'syscw'): number => {
  const match = new RegExp(`^${field}: (\\d+)$`, 'm').exec(io)
  if (match === null) throw new Error(`/proc io has no ${field} line`)
  return Number(match[1])
}

/** The run-queue wait of /proc/PID/schedstat ("on-CPU ns, waiting ns, timeslices"), in seconds. */
export const parseRunQueueWaitSeconds = (schedstat: string): number => {
  const waiting = Number(schedstat.trim().split(/\s+/)[1])
  if (!Number.isFinite(waiting)) throw new Error(`cannot read the run-queue wait from /proc schedstat "${schedstat}"`)
  return waiting / 1e9
}

/** Reads the CPU time, memory, write calls and run-queue wait of `pid`; rejects if the process is gone. */
export const sampleProcess = async (pid: number): Promise<ProcessSample> => {
  const [stat, status, io, schedstat] = await Promise.all([
    readFile(`/proc/${pid}/stat`, 'utf8'),
    readFile(`/proc/${pid}/status`, 'utf8'),
    readFile(`/proc/${pid}/io`, 'utf8'),
    readFile(`/proc/${pid}/schedstat`, 'utf8')
  ])
  const ticks = parseCpuTicks(stat)
  return {
    cpuSeconds: (ticks.user + ticks.system) / clockTicksPerSecond(),
    systemCpuSeconds: ticks.system / clockTicksPerSecond(),
    rssBytes: parseStatusBytes(status, 'VmRSS'),
    peakRssBytes: parseStatusBytes(status, 'VmHWM'),
    writeSyscalls: parseIoCounter(io, 'syscw'),
    mainThreadRunQueueWaitSeconds: parseRunQueueWaitSeconds(schedstat)
  }
}

/** Samples a process's RSS every `intervalMs` and keeps the highest value seen since the last reset. */
export class RssWatcher {
  private timer: NodeJS.Timeout
  private peak = 0

  constructor(
    private readonly pid: number,
    intervalMs = 200
  ) {
    this.timer = setInterval(() => void this.sample(), intervalMs)
    this.timer.unref()
  }

  /** Highest RSS since the last `reset()`, including one final sample taken now. */
  async peakBytes(): Promise<number> {
    await this.sample()
    return this.peak
  }

  reset(): void {
    this.peak = 0
  }

  stop(): void {
    clearInterval(this.timer)
  }

  private async sample(): Promise<void> {
    try {
      const { rssBytes } = await sampleProcess(this.pid)
      this.peak = Math.max(this.peak, rssBytes)
    } catch {
      // The process exited; its last figures stand and the caller learns of the exit elsewhere.
    }
  }
}

/**
 * CPU seconds every process on the machine has used since boot (busy time from the first line of
 * /proc/stat), so that a run can show how much CPU other work took while it measured.
 */
export const machineBusySeconds = async (): Promise<number> => {
  const firstLine = (await readFile('/proc/stat', 'utf8')).split('\n', 1)[0]!
  return parseMachineBusyTicks(firstLine) / clockTicksPerSecond()
}

/** Busy ticks (all but idle and iowait) from the `cpu` line of /proc/stat. */
export const parseMachineBusyTicks = (cpuLine: string): number => {
  const [label, ...fields] = cpuLine.trim().split(/\s+/)
  if (label !== 'cpu' || fields.length < 4) throw new Error(`not the cpu line of /proc/stat: "${cpuLine}"`)
  // user nice system idle iowait irq softirq steal [guest guest_nice, already counted in user/nice]
  const [user, nice, system, , , irq = 0, softirq = 0, steal = 0] = fields.map(Number) as number[]
  return user! + nice! + system! + irq + softirq + steal
}

/** CPU used by everything on the machine except the watched processes, over a window. */
export interface MachineNoise {
  readonly otherCpuSeconds: number
  /** otherCpuSeconds as a share of all the machine's CPU time in the window (0–1). */
  readonly otherCpuShare: number
}

/**
 * Starts measuring how much CPU the rest of the machine uses while `pids` (the relay and the load
 * generators) run; call the returned function at the end of the window. The benchmark's own
 * process counts as "other", which is negligible next to a shared machine's test runs.
 */
export const startNoiseGauge = async (pids: readonly number[]): Promise<() => Promise<MachineNoise>> => {
  const cpuOf = async (): Promise<number> => {
    const samples = await Promise.all(pids.map((pid) => sampleProcess(pid).then((sample) => sample.cpuSeconds, () => 0)))
    return samples.reduce((sum, seconds) => sum + seconds, 0)
  }
  const [machineBefore, watchedBefore] = await Promise.all([machineBusySeconds(), cpuOf()])
  const started = performance.now()
  return async () => {
    const [machineAfter, watchedAfter] = await Promise.all([machineBusySeconds(), cpuOf()])
    const wallSeconds = (performance.now() - started) / 1000
    const other = Math.max(0, machineAfter - machineBefore - (watchedAfter - watchedBefore))
    return {
      otherCpuSeconds: Math.round(other * 100) / 100,
      otherCpuShare: Math.round((other / (wallSeconds * cpus().length)) * 1000) / 1000
    }
  }
}
