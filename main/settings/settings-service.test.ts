import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SettingsService } from './settings-service'

const defaults = { displayName: 'Ana', color: '#2563eb', lanPort: 4455 }
const logger = pino({ level: 'silent' })

describe('SettingsService', () => {
  let directory: string
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'ensemble-settings-'))
  })
  afterEach(() => rm(directory, { recursive: true, force: true }))

  it('starts from the defaults, stores a change, and reads it back in a new session', async () => {
    const first = await SettingsService.load(directory, defaults, logger)
    expect(first.settings).toEqual(defaults)
    const changes: unknown[] = []
    first.onDidChangeSettings((settings) => changes.push(settings))
    await first.update({ displayName: '  Bo  ', lanPort: 5000 })
    expect(changes).toEqual([{ displayName: 'Bo', color: '#2563eb', lanPort: 5000 }])
    const second = await SettingsService.load(directory, defaults, logger)
    expect(second.settings).toEqual({ displayName: 'Bo', color: '#2563eb', lanPort: 5000 })
    expect(await readdir(directory)).toEqual(['settings.json'])
  })

  it('refuses a bad change with the field and reason, and keeps what was stored', async () => {
    const service = await SettingsService.load(directory, defaults, logger)
    await service.update({ color: '#16a34a' })
    await expect(service.update({ lanPort: 70_000 })).rejects.toThrow(/lanPort[\s\S]*at most 65535/)
    await expect(service.update({ displayName: '' })).rejects.toThrow(/display name is empty/)
    expect(service.settings.color).toBe('#16a34a')
    expect(JSON.parse(await readFile(join(directory, 'settings.json'), 'utf8'))).toEqual({ ...defaults, color: '#16a34a' })
  })

  it('keeps the last of several quick changes', async () => {
    const service = await SettingsService.load(directory, defaults, logger)
    await Promise.all([service.update({ lanPort: 5001 }), service.update({ lanPort: 5002 }), service.update({ lanPort: 5003 })])
    expect((await SettingsService.load(directory, defaults, logger)).settings.lanPort).toBe(5003)
  })

  it('moves an unreadable file aside instead of overwriting it, and uses the defaults', async () => {
    await writeFile(join(directory, 'settings.json'), '{"displayName": "Bo", "lanPort": "many"}')
    const service = await SettingsService.load(directory, defaults, logger, () => 1234)
    expect(service.settings).toEqual(defaults)
    expect(await readFile(join(directory, 'settings.json.unreadable-1234'), 'utf8')).toContain('"many"')
    await writeFile(join(directory, 'settings.json'), 'not json')
    await SettingsService.load(directory, defaults, logger, () => 5678)
    expect((await readdir(directory)).sort()).toEqual(['settings.json.unreadable-1234', 'settings.json.unreadable-5678'])
  })
})
