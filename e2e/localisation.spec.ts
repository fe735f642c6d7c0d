import { mkdir } from 'node:fs/promises'
import type { Browser, Page } from '@playwright/test'
import { editorText, expect, expectConnected, openWriterPage, test } from './fixtures'
import { selectText } from './panels'

/** Where the screenshots of the editor in each language go (kept as the run's artifacts). */
const screenshots = 'test-results/screenshots'

/** A writer whose OS/browser language is `locale`. */
const openIn = (browser: Browser, locale: string, httpUrl: string, user: string, doc: string) => openWriterPage(browser, httpUrl, user, doc, { locale })

const shoot = async (page: Page, name: string): Promise<void> => {
  await mkdir(screenshots, { recursive: true })
  await page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: true })
}

test('a Chinese browser gets the UI in Chinese; Settings switches it to English, keeping the text', async ({ browser, relay }) => {
  const { context, page } = await openIn(browser, 'zh-CN', relay.httpUrl, 'Ana Lima', 'localised')
  try {
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    // The editor, its status and the side panel's tabs.
    await expect(page.getByTestId('connection-status')).toContainText('已连接')
    await expect(page.getByTestId('save-status')).toHaveText('已保存')
    await expect(page.getByTestId('tab-comments')).toContainText('评论')
    await expect(page.getByTestId('tab-history')).toContainText('历史')
    await expect(page.getByTestId('tab-chat')).toContainText('聊天')
    await expect(page.getByTestId('comments-panel')).toContainText('没有未解决的评论')

    await page.locator('.ProseMirror').focus()
    await page.keyboard.type('会议纪要：下周三之前完成初稿。')
    await expect(page.getByTestId('word-count')).toContainText('字')

    // Comments: the composer, the thread and its buttons.
    await selectText(page, '初稿')
    await expect(page.getByTestId('add-comment')).toHaveText('评论')
    await page.getByTestId('add-comment').click()
    await expect(page.getByTestId('comment-input')).toHaveAttribute('placeholder', '添加评论…')
    await page.getByTestId('comment-input').fill('谁来写？')
    await page.getByTestId('comment-submit').click()
    const thread = page.getByTestId('comment-thread')
    await expect(thread.getByTestId('comment')).toHaveText(/谁来写？/)
    await expect(thread.getByTestId('resolve-thread')).toHaveText('解决')
    await expect(thread.getByTestId('reply-input')).toHaveAttribute('placeholder', '回复…')
    await expect(page.getByTestId('tab-comments-count')).toHaveAttribute('title', '1 条未解决')
    await shoot(page, 'editor-zh-CN')

    // History: the save form and a named version.
    await page.getByTestId('tab-history').click()
    await expect(page.getByTestId('save-version')).toHaveText('保存版本')
    await expect(page.getByTestId('version-name')).toHaveAttribute('placeholder', '为此版本命名')
    await page.getByTestId('version-name').fill('初稿')
    await page.getByTestId('save-version').click()
    await expect(page.getByTestId('version-item')).toHaveCount(1)
    await page.getByTestId('version-item').getByRole('button').click()
    await expect(page.getByTestId('restore-version')).toHaveText('恢复此版本')
    await expect(page.getByTestId('version-banner')).toContainText('这是第一个版本')
    await page.getByTestId('close-version').click()

    // Chat.
    await page.getByTestId('tab-chat').click()
    await expect(page.getByTestId('chat-input')).toHaveAttribute('placeholder', '给文档中的所有人发消息')
    await expect(page.getByTestId('chat-send')).toHaveText('发送')

    // A dialog: Settings, with the language menu.
    await page.getByTestId('open-settings').click()
    const settings = page.getByTestId('settings-dialog')
    await expect(settings.getByRole('heading', { name: '设置' })).toBeVisible()
    await expect(settings.getByRole('button', { name: '关闭' })).toBeVisible()
    await expect(settings.getByText('显示名称')).toBeVisible()
    const language = settings.getByTestId('language-choice')
    await expect(language.locator('option[value=system]')).toHaveText('跟随系统（简体中文）')
    await shoot(page, 'settings-zh-CN')

    // Choosing English reloads the window in English; the document is the same.
    await Promise.all([page.waitForEvent('load'), language.selectOption('en')])
    await expect(page.locator('.ProseMirror')).toBeVisible()
    await expectConnected(page)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByTestId('tab-comments')).toContainText('Comments')
    await expect(page.getByTestId('save-status')).toHaveText('Saved')
    await expect.poll(() => editorText(page)).toBe('会议纪要：下周三之前完成初稿。')
    await expect(page.getByTestId('comment-thread').getByTestId('resolve-thread')).toHaveText('Resolve')
    await page.getByTestId('open-settings').click()
    await expect(page.getByTestId('language-choice')).toHaveValue('en')
    await page.getByTestId('settings-dialog').getByRole('button', { name: 'Close' }).click()
    await shoot(page, 'editor-en')
  } finally {
    await context.close()
  }
})

test('the save status counts unsent changes in Chinese while the relay is away', async ({ browser, relay }) => {
  const { context, page } = await openIn(browser, 'zh-CN', relay.httpUrl, 'Ana Lima', 'localised-offline')
  try {
    await relay.stop()
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'offline')
    await expect(page.getByTestId('connection-status')).toContainText('离线')
    await page.locator('.ProseMirror').focus()
    await page.keyboard.type('离线时写的字')
    await expect(page.getByTestId('save-status')).toHaveText(/^\d+ 处更改尚未送达中继$/)
    await expect(page.getByTestId('save-status')).toHaveAttribute('title', '在中继确认存储之前，更改保留在此窗口及其离线副本中。')
  } finally {
    await context.close()
  }
})
