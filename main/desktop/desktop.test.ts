import { describe, expect, it } from 'vitest'
import type { MenuCommand } from '../../app/ipc'
import { joinRequestFromArgv, joinRequestFromUrl } from './deep-link'
import { buildMenuTemplate } from './menu-template'

const token = 'eyJhbGciOiJIUzI1NiJ9.eyJkb2MiOiJhIn0.c2ln'

describe('ensemble:// deep links', () => {
  it('finds the link among the arguments a second instance was started with', () => {
    const argv = ['/opt/Ensemble/ensemble', '--no-sandbox', `ensemble://join?relay=ws%3A%2F%2F10.0.0.2%3A4455&doc=plan&token=${token}`]
    expect(joinRequestFromArgv(argv)).toEqual({ request: { relay: 'ws://10.0.0.2:4455', doc: 'plan', token } })
    expect(joinRequestFromArgv(['/opt/Ensemble/ensemble'])).toBeNull()
  })

  it('reports a broken link instead of joining', () => {
    expect(joinRequestFromUrl('ensemble://join?relay=file:///etc&doc=a')).toEqual({
      problem: 'the relay "file:///etc" is not a ws:// or wss:// URL'
    })
  })
})

describe('the application menu', () => {
  const build = (platform: NodeJS.Platform, hosting = false) => {
    const sent: MenuCommand[] = []
    const template = buildMenuTemplate(
      { platform, hosting, development: false, appName: 'Ensemble' },
      { command: (command) => sent.push(command), stopHosting: () => sent.push('stop' as MenuCommand), importFile: () => sent.push('import' as MenuCommand), openDataFolder: () => {}, showAbout: () => {} }
    )
    return { template, sent }
  }
  const item = (template: ReturnType<typeof build>['template'], menu: string, label: string) => {
    const submenu = template.find((entry) => entry.label?.replace('&', '') === menu)?.submenu
    if (!Array.isArray(submenu)) throw new Error(`no ${menu} menu`)
    const found = submenu.find((entry) => entry.label === label)
    if (found === undefined) throw new Error(`no ${label} in ${menu}`)
    return found
  }

  it('has File, Edit, View, Session and Help, with the app menu first on macOS', () => {
    expect(build('linux').template.map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View', '&Session', '&Help'])
    expect(build('darwin').template.map((menu) => menu.label)).toEqual(['Ensemble', '&File', '&Edit', '&View', '&Session', '&Help'])
  })

  it('uses the platform\'s shortcuts and leaves undo to the editor', () => {
    const linux = build('linux').template
    const mac = build('darwin').template
    expect(item(linux, 'Edit', 'Redo').accelerator).toBe('Ctrl+Y')
    expect(item(mac, 'Edit', 'Redo').accelerator).toBe('Cmd+Shift+Z')
    expect(item(linux, 'Edit', 'Undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false })
    expect(item(linux, 'File', 'New Document').accelerator).toBe('CmdOrCtrl+N')
    expect(item(linux, 'Edit', 'Find…')).toMatchObject({ accelerator: 'CmdOrCtrl+F', registerAccelerator: false })
    expect(item(linux, 'Edit', 'Find and Replace…')).toMatchObject({ accelerator: 'Ctrl+H', registerAccelerator: false })
    // Cmd+H hides the app on macOS.
    expect(item(mac, 'Edit', 'Find and Replace…').accelerator).toBe('Cmd+Alt+F')
  })

  it('sends renderer commands, and enables hosting items by state', () => {
    const { template, sent } = build('linux')
    ;(item(template, 'File', 'New Document').click as () => void)()
    ;(item(template, 'Session', 'Share Document…').click as () => void)()
    ;(item(template, 'File', 'Save Version…').click as () => void)()
    expect(sent).toEqual(['new-document', 'share-document', 'save-version'])
    expect(item(template, 'Session', 'Stop Hosting').enabled).toBe(false)
    expect(item(build('linux', true).template, 'Session', 'Stop Hosting').enabled).toBe(true)
    expect(item(build('linux', true).template, 'Session', 'Host on LAN…').enabled).toBe(false)
  })
})
