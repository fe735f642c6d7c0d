import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCpuTicks, parseIoCounter, parseMachineBusyTicks, parseRunQueueWaitSeconds, parseStatusBytes, sampleProcess } from './proc-stats'

describe('/proc parsing', () => {
  it('reads utime and stime after a command name with spaces and parentheses', () => {
    const stat = '4242 (node (bench) x) S 1 4242 4242 0 -1 4194304 1000 0 0 0 150 25 0 0 20 0 11 0 100 0 0'
    expect(parseCpuTicks(stat)).toEqual({ user: 150, system: 25 })
  })

  it('reads VmRSS and VmHWM in bytes', () => {
    const status = 'Name:\tnode\nVmHWM:\t  120000 kB\nVmRSS:\t   64164 kB\nThreads:\t11\n'
    expect(parseStatusBytes(status, 'VmRSS')).toBe(64164 * 1024)
    expect(parseStatusBytes(status, 'VmHWM')).toBe(120000 * 1024)
  })

  it('says which field is missing', () => {
    expect(() => parseStatusBytes('Name:\tnode\n', 'VmRSS')).toThrow(/VmRSS/)
  })

  it('reads the write-call counter of /proc/PID/io', () => {
    const io = 'rchar: 6976\nwchar: 0\nsyscr: 10\nsyscw: 357714\nread_bytes: 0\n'
    expect(parseIoCounter(io, 'syscw')).toBe(357714)
    expect(() => parseIoCounter('rchar: 1\n', 'syscw')).toThrow(/syscw/)
  })

  it('reads the run-queue wait of /proc/PID/schedstat', () => {
    expect(parseRunQueueWaitSeconds('5817365061 2500000000 6551\n')).toBe(2.5)
    expect(() => parseRunQueueWaitSeconds('')).toThrow(/run-queue wait/)
  })

  it('counts busy machine ticks without idle and iowait', () => {
    expect(parseMachineBusyTicks('cpu  100 5 50 9000 40 1 2 3 0 0')).toBe(161)
    expect(() => parseMachineBusyTicks('cpu0 1 2 3 4')).toThrow(/cpu line/)
  })

  it('samples this process', async () => {
    const sample = await sampleProcess(process.pid)
    expect(sample.rssBytes).toBeGreaterThan(1024 * 1024)
    expect(sample.peakRssBytes).toBeGreaterThanOrEqual(sample.rssBytes)
    expect(sample.cpuSeconds).toBeGreaterThan(0)
    expect(sample.systemCpuSeconds).toBeLessThanOrEqual(sample.cpuSeconds)
    expect(sample.mainThreadRunQueueWaitSeconds).toBeGreaterThanOrEqual(0)
    // Writing to a file is one more write call.
    const file = join(await mkdtemp(join(tmpdir(), 'proc-stats-')), 'f')
    await writeFile(file, 'x')
    expect((await sampleProcess(process.pid)).writeSyscalls).toBeGreaterThan(sample.writeSyscalls)
    await rm(dirname(file), { recursive: true })
  })
})
