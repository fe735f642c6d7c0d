import type { MenuItemConstructorOptions } from 'electron'
import { afterEach, describe, expect, it } from 'vitest'
import { useLanguage } from '../../app/i18n/translate'
import type { MenuCommand } from '../../app/ipc'
import { applyMainLanguage } from './main-language'
import { buildMenuTemplate } from './menu-template'

const build = (platform: NodeJS.Platform, hosting = false) => {
  const sent: MenuCommand[] = []
  const template = buildMenuTemplate(
    { platform, hosting, development: true, appName: 'Ensemble' },
    {
      command: (command) => sent.push(command),
      stopHosting: () => {},
      importFile: () => {},
      openDataFolder: () => {},
      showAbout: () => {}
    }
  )
  return { template, sent }
}

const submenuOf = (template: MenuItemConstructorOptions[], index: number): MenuItemConstructorOptions[] => {
  const submenu = template[index]?.submenu
  if (!Array.isArray(submenu)) throw new Error(`menu ${index} has no submenu`)
  return submenu
}

/** Every label of the menus, submenus included; separators have none. */
const labels = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((entry) => [...(entry.label === undefined ? [] : [entry.label]), ...(Array.isArray(entry.submenu) ? labels(entry.submenu) : [])])

describe('the application menu in each language', () => {
  afterEach(() => useLanguage('en'))

  it('speaks English by default, leaving role items to Electron', () => {
    const { template } = build('linux')
    expect(template.map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View', '&Session', '&Help'])
    const edit = submenuOf(template, 1)
    expect(edit.find((entry) => entry.role === 'copy')).toEqual({ role: 'copy' })
    expect(labels(template)).toContain('Join by Link…')
  })

  it('speaks Chinese once the language is zh-CN, every item labelled, commands unchanged', () => {
    useLanguage('zh-CN')
    const { template, sent } = build('linux', true)
    expect(template.map((menu) => menu.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '会话(&S)', '帮助(&H)'])
    const file = submenuOf(template, 0)
    const newDocument = file.find((entry) => entry.label === '新建文档')
    expect(newDocument?.accelerator).toBe('CmdOrCtrl+N')
    ;(newDocument?.click as () => void)()
    expect(sent).toEqual(['new-document'])
    expect(submenuOf(template, 1).find((entry) => entry.role === 'copy')).toEqual({ role: 'copy', label: '复制' })
    expect(submenuOf(template, 3).find((entry) => entry.label === '停止主持')?.enabled).toBe(true)
    // Every item that is not a separator has a label, and none of them is English.
    const items = (menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      menu.flatMap((entry) => [entry, ...(Array.isArray(entry.submenu) ? items(entry.submenu) : [])])
    for (const entry of items(template)) if (entry.type !== 'separator') expect(entry.label, JSON.stringify(entry)).toMatch(/[\u4e00-\u9fff]|^(Markdown|HTML|PDF)…$/)
  })

  it('drops the Windows-style mnemonic from Chinese menu names on macOS, and names the app menu items', () => {
    useLanguage('zh-CN')
    const { template } = build('darwin')
    expect(template.map((menu) => menu.label)).toEqual(['Ensemble', '文件', '编辑', '视图', '会话', '帮助'])
    expect(labels(submenuOf(template, 0))).toEqual(['关于 Ensemble', '设置…', '服务', '隐藏 Ensemble', '隐藏其他', '全部显示', '退出'])
  })
})

describe('the main process language', () => {
  afterEach(() => useLanguage('en'))

  it('follows the OS until Settings chooses, and says when it changed', () => {
    expect(applyMainLanguage({}, ['zh-Hans-CN', 'en-US'])).toBe(true)
    expect(labels(build('linux').template)).toContain('新建文档')
    expect(applyMainLanguage({ language: 'system' }, ['zh-CN'])).toBe(false)
    expect(applyMainLanguage({ language: 'en' }, ['zh-CN'])).toBe(true)
    expect(labels(build('linux').template)).toContain('New Document')
  })
})
