import pino from 'pino'
import { describe, expect, it } from 'vitest'
import type { RequestHandlers } from './ipc-dispatcher'
import { IpcDispatcher, IpcRefusedError } from './ipc-dispatcher'

const settings = { displayName: 'Ana', color: '#2563eb', lanPort: 4455 }

const handlers = (calls: unknown[]): RequestHandlers =>
  new Proxy({} as RequestHandlers, {
    get: (_target, channel: string) => (payload: unknown, windowId: number) => {
      calls.push([channel, payload, windowId])
      return channel === 'settings:update' ? { ...settings, ...(payload as object) } : undefined
    }
  })

const goodSender = { webContentsId: 3, frameUrl: 'app://ensemble/index.html', isMainFrame: true, windowId: 1 }

describe('IpcDispatcher', () => {
  const calls: unknown[] = []
  const dispatcher = new IpcDispatcher(handlers(calls), new Set([3]), pino({ level: 'silent' }))

  it('hands a valid request from an app window to its handler', async () => {
    expect(await dispatcher.dispatch('settings:update', goodSender, { lanPort: 5000 })).toEqual({ ...settings, lanPort: 5000 })
    expect(calls).toEqual([['settings:update', { lanPort: 5000 }, 1]])
  })

  it.each([
    [{ ...goodSender, webContentsId: 9 }, /web contents 9 is not an Ensemble window/],
    [{ ...goodSender, isMainFrame: false, frameUrl: 'app://ensemble/frame.html' }, /a subframe .* may not use the app API/],
    [{ ...goodSender, frameUrl: 'https://evil.example/' }, /the page https:\/\/evil.example\/ may not use the app API/],
    [{ ...goodSender, frameUrl: null }, /the sending frame no longer exists/]
  ])('refuses a message from the wrong sender before looking at it (%j)', async (sender, problem) => {
    calls.length = 0
    await expect(dispatcher.dispatch('session:stop', sender, undefined)).rejects.toThrow(problem)
    await expect(dispatcher.dispatch('session:stop', sender, undefined)).rejects.toBeInstanceOf(IpcRefusedError)
    expect(calls).toEqual([])
  })

  it('refuses a payload that does not match its channel, naming the field', async () => {
    calls.length = 0
    await expect(dispatcher.dispatch('shell:open-external', goodSender, { href: 'x' })).rejects.toThrow(/invalid payload for shell:open-external: url:/)
    await expect(dispatcher.dispatch('presence:report', goodSender, 'everyone')).rejects.toThrow(/presence:report/)
    expect(calls).toEqual([])
  })
})
