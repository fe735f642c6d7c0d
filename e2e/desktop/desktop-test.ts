import { test as base } from '../fixtures'
import { startHeadlessDesktop, type HeadlessDesktop } from './headless-desktop'
import { InMemoryMdnsNetwork } from './in-memory-mdns'

/** The e2e `test` with `desktop`: starts headless desktops on one in-memory LAN for the test, and quits them after it. */
export const test = base.extend<{ desktop: (name: string, hostName: string) => Promise<HeadlessDesktop> }>({
  desktop: async ({ browserName: _browserName }, use) => {
    const mdns = new InMemoryMdnsNetwork()
    const started: HeadlessDesktop[] = []
    await use(async (displayName, hostName) => {
      const desktop = await startHeadlessDesktop({ displayName, hostName, mdns })
      started.push(desktop)
      return desktop
    })
    for (const desktop of started) await desktop.close()
  }
})
