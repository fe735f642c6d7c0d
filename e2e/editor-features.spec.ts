import type { Page } from '@playwright/test'
import { test, expect, editorText, replaceWithParagraphs } from './fixtures'

const editor = (page: Page) => page.locator('.ProseMirror')

const selectedText = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const { state } = window.ensembleEditor!.view
    return state.doc.textBetween(state.selection.from, state.selection.to)
  })

test('markdown input rules make headings, lists, quotes, code, rules and marks', async ({ openWriter }) => {
  const { page } = await openWriter('Ana Lima', 'rules')
  await expect(editor(page).locator('.placeholder[data-placeholder="Start writing…"]')).toBeVisible()
  await editor(page).focus()
  await page.keyboard.type('# Big title\n## Section\n')
  await page.keyboard.type('Some **bold** and *slanted* and ~~gone~~ and `code` here\n')
  // In lists and quotes, Enter on an empty item leaves the container.
  await page.keyboard.type('- first bullet\n\n1. first step\n\n> a quote\n\n[ ] a task\n\n')
  await page.keyboard.type('```const x = 1')
  const root = editor(page)
  await expect(root.locator('h1')).toHaveText('Big title')
  await expect(root.locator('h2')).toHaveText('Section')
  await expect(root.locator('strong')).toHaveText('bold')
  await expect(root.locator('em')).toHaveText('slanted')
  await expect(root.locator('s')).toHaveText('gone')
  await expect(root.locator('p code')).toHaveText('code')
  await expect(root.locator('ul:not([data-type]) > li')).toHaveText('first bullet')
  await expect(root.locator('ol > li')).toHaveText('first step')
  await expect(root.locator('blockquote')).toHaveText('a quote')
  await expect(root.locator('ul[data-type=tasks] > li')).toContainText('a task')
  await expect(root.locator('pre code')).toHaveText('const x = 1')
  await expect(root.locator('.placeholder')).toHaveCount(0)

  // The toolbar shows the block at the cursor…
  await expect(page.getByTestId('block-type')).toHaveValue('code_block')
  await root.locator('h2').click()
  await expect(page.getByTestId('block-type')).toHaveValue('heading-2')
  // …and the marks: bold is pressed inside bold text, not outside it.
  await root.locator('strong').click()
  await expect(page.locator('[data-command=bold]')).toHaveAttribute('aria-pressed', 'true')
  await root.locator('em').click()
  await expect(page.locator('[data-command=bold]')).toHaveAttribute('aria-pressed', 'false')
  await expect(page.locator('[data-command=italic]')).toHaveAttribute('aria-pressed', 'true')
})

test('shortcuts and toolbar buttons format text; task boxes toggle for everyone', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'shortcuts')
  const ben = await openWriter('Ben Ode', 'shortcuts')
  const { page } = ana
  await editor(page).focus()
  await page.keyboard.press('Control+b')
  await expect(page.locator('[data-command=bold]')).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.type('strong')
  await page.keyboard.press('Control+b')
  await page.keyboard.press('Control+u')
  await page.keyboard.type(' under')
  await page.keyboard.press('Control+u')
  await page.keyboard.press('Control+Alt+3')
  await expect(editor(page).locator('h3 strong')).toHaveText('strong')
  await expect(editor(page).locator('h3 u')).toHaveText(' under')
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.locator('[data-command=task_list]').dispatchEvent('mousedown')
  await page.keyboard.type('ship it')
  await expect(editor(ben.page).locator('ul[data-type=tasks] li')).toHaveAttribute('data-checked', 'false')
  await page.locator('.task-checkbox input').check()
  await expect(editor(ben.page).locator('ul[data-type=tasks] li')).toHaveAttribute('data-checked', 'true')
  await expect(editor(ben.page).locator('h3')).toHaveText('strong under')
})

test('links are added, changed and removed with Ctrl+K; bad addresses are explained', async ({ openWriter }) => {
  const { page } = await openWriter('Ana Lima', 'links')
  await editor(page).focus()
  await page.keyboard.type('read the manual today')
  // Select "the manual" (10 characters, ending 6 before the end).
  await page.keyboard.press('End')
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft')
  for (let i = 0; i < 10; i++) await page.keyboard.press('Shift+ArrowLeft')
  // ProseMirror reads a keyboard selection on the browser's (asynchronous) selectionchange; a
  // person cannot press Ctrl+K before it arrives, a test can.
  await expect.poll(() => selectedText(page)).toBe('the manual')
  await page.keyboard.press('Control+k')
  const form = page.getByTestId('link-editor')
  await expect(form).toBeVisible()
  await form.locator('input').fill('javascript:alert(1)')
  await form.locator('input').press('Enter')
  await expect(form.locator('.problem')).toHaveText('links may use http, https or mailto, not "javascript:"')
  await form.locator('input').fill('example.com/manual')
  await form.locator('input').press('Enter')
  await expect(form).toBeHidden()
  const link = editor(page).locator('a')
  await expect(link).toHaveText('the manual')
  await expect(link).toHaveAttribute('href', 'https://example.com/manual')
  await expect(page.locator('[data-command=link]')).toHaveAttribute('aria-pressed', 'true')

  await link.click()
  await page.keyboard.press('Control+k')
  await expect(form.locator('input')).toHaveValue('https://example.com/manual')
  await form.locator('input').fill('https://example.org/v2')
  await form.locator('input').press('Enter')
  await expect(link).toHaveAttribute('href', 'https://example.org/v2')
  await expect(link).toHaveText('the manual')

  await link.click()
  await page.keyboard.press('Control+k')
  await form.getByRole('button', { name: 'Remove' }).click()
  await expect(editor(page).locator('a')).toHaveCount(0)
  expect(await editorText(page)).toBe('read the manual today')
})

test('a pasted image is stored in the document; an oversized one is refused with the reason', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'images')
  const ben = await openWriter('Ben Ode', 'images')
  await editor(ana.page).focus()
  await ana.page.keyboard.type('Figure: ')
  const paste = (bytes: number, name: string) =>
    ana.page.evaluate(
      ([size, fileName]) => {
        // A 1×1 PNG, padded to the requested size.
        const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0))
        const data = new Uint8Array(Math.max(size, png.length))
        data.set(png)
        const transfer = new DataTransfer()
        transfer.items.add(new File([data], fileName, { type: 'image/png' }))
        document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
      },
      [bytes, name] as const
    )
  // ProseMirror adds an `img.ProseMirror-separator` after an inline node that ends a line.
  const images = editor(ana.page).locator('img:not(.ProseMirror-separator)')
  await paste(100, 'dot.png')
  await expect(images).toHaveCount(1)
  await expect(editor(ana.page).locator('img[alt="dot.png"]')).toHaveAttribute('src', /^data:image\/png;base64,iVBORw0KGgo/)
  // Stored in the document: the other page shows it from the synced document.
  await expect(editor(ben.page).locator('img[alt="dot.png"]')).toHaveAttribute('src', /^data:image\/png;base64,iVBORw0KGgo/)

  await paste(3 * 1024 * 1024, 'huge.png')
  await expect(ana.page.getByTestId('notice')).toHaveText(
    'Image not added: "huge.png" is 3.0 MB; images stored in a document may be at most 2.0 MB (link a larger image by URL instead).'
  )
  await expect(images).toHaveCount(1)
})

test('clicking an avatar scrolls to that person’s cursor, and follow keeps it in view', async ({ openWriter }) => {
  const ana = await openWriter('Ana Lima', 'presence')
  const ben = await openWriter('Ben Ode', 'presence')
  await editor(ben.page).focus()
  // A long document, written in one transaction (typing it would take long): Ben's cursor ends
  // up far below Ana's viewport.
  await replaceWithParagraphs(ben.page, Array.from({ length: 60 }, (_, i) => `Line ${i + 1}`))
  await ben.page.keyboard.press('Control+End')
  await expect.poll(async () => (await editorText(ana.page)).split('\n').length).toBe(60)
  await editor(ana.page).focus()
  await ana.page.keyboard.press('Control+Home')
  const benCursor = ana.page.locator('.ProseMirror-yjs-cursor[data-user="Ben Ode"]')
  await expect(benCursor).not.toBeInViewport()

  const benInBar = ana.page.getByTestId('presence').locator('[data-user="Ben Ode"]')
  await benInBar.locator('.avatar').click()
  await expect(benCursor).toBeInViewport()

  // Follow: Ben jumps to the top and then back to the end; Ana's view follows both times.
  await benInBar.getByTestId('follow').click()
  await expect(benInBar.getByTestId('follow')).toHaveAttribute('aria-pressed', 'true')
  await ben.page.keyboard.press('Control+Home')
  await ben.page.keyboard.type('Top: ')
  await expect(benCursor).toBeInViewport()
  await ben.page.keyboard.press('Control+End')
  await ben.page.keyboard.type(' end')
  await expect(benCursor).toBeInViewport()
})

test('the toolbar’s Link and Image buttons put the caret in their address field', async ({ openWriter }) => {
  const { page } = await openWriter('Ana Lima', 'toolbar-forms')
  await editor(page).focus()
  await page.keyboard.type('read the manual')
  await page.keyboard.press('End')
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowLeft')
  await expect.poll(() => selectedText(page)).toBe('manual')
  await page.locator('[data-command=link]').click()
  const linkForm = page.getByTestId('link-editor')
  await expect(linkForm.locator('input')).toBeFocused()
  // Typed straight away, as a person would: the address goes into the field, not over the word.
  await page.keyboard.type('example.com/manual')
  await page.keyboard.press('Enter')
  await expect(linkForm).toBeHidden()
  await expect(editor(page).locator('a')).toHaveText('manual')
  await expect(editor(page).locator('a')).toHaveAttribute('href', 'https://example.com/manual')
  expect(await editorText(page)).toBe('read the manual')

  await page.keyboard.press('End')
  await page.locator('[data-command=image]').click()
  const imageForm = page.getByTestId('image-form')
  await expect(imageForm.locator('input')).toBeFocused()
  await page.keyboard.type('https://example.com/cover.png')
  await page.keyboard.press('Enter')
  await expect(imageForm).toBeHidden()
  await expect(editor(page).locator('img[src="https://example.com/cover.png"]')).toHaveCount(1)
  expect(await editorText(page)).toBe('read the manual')
})

test('--- at the start of a line makes a horizontal rule, and -- elsewhere still makes a dash', async ({ openWriter }) => {
  const { page } = await openWriter('Ana Lima', 'rule')
  await editor(page).focus()
  await page.keyboard.type('Intro -- more\n---After')
  await expect(editor(page).locator('hr')).toHaveCount(1)
  await expect(editor(page).locator('p').first()).toHaveText('Intro — more')
  await expect(editor(page).locator('hr + p')).toHaveText('After')
  expect(await editorText(page)).toBe('Intro — more\nAfter')
})

test('smart quotes, dashes and ellipses leave inline code alone', async ({ openWriter }) => {
  const { page } = await openWriter('Ana Lima', 'code-quotes')
  await editor(page).focus()
  await page.keyboard.type('He said "hi" -- it\'s late... Run `say "hi" -- it\'s...` now')
  await expect(editor(page).locator('p code')).toHaveText('say "hi" -- it\'s...')
  expect(await editorText(page)).toBe('He said “hi” — it’s late… Run say "hi" -- it\'s... now')
  // Typed inside code that is already there, too: after "say" (from the start of the document, not of
  // a line: the paragraph may wrap).
  await page.keyboard.press('Control+Home')
  for (let i = 0; i < 'He said “hi” — it’s late… Run say'.length; i++) await page.keyboard.press('ArrowRight')
  await expect.poll(() => page.evaluate(() => window.ensembleEditor!.view.state.selection.$from.marks().map((mark) => mark.type.name))).toEqual(['code'])
  await page.keyboard.type(' "x"')
  await expect(editor(page).locator('p code')).toHaveText('say "x" "hi" -- it\'s...')
})

test('Enter three times or ArrowDown leaves a code block at the end of the document', async ({ openWriter }) => {
  const { page } = await openWriter('Ana Lima', 'code-exit')
  await editor(page).focus()
  await page.keyboard.type('```x = 1')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.type('after')
  await expect(editor(page).locator('pre')).toHaveText('x = 1')
  await expect(editor(page).locator('pre + p')).toHaveText('after')

  await page.keyboard.press('Enter')
  await page.keyboard.type('```y = 2')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.type('below')
  await expect(editor(page).locator('pre').nth(1)).toHaveText('y = 2')
  await expect(editor(page).locator('pre + p').nth(1)).toHaveText('below')
  expect(await editorText(page)).toBe('x = 1\nafter\ny = 2\nbelow')
})

test('an image whose address fails shows a placeholder that can be selected and deleted', async ({ openWriter, relay }) => {
  const { page } = await openWriter('Ana Lima', 'broken-image')
  await editor(page).focus()
  await page.keyboard.type('See: ')
  await page.locator('[data-command=image]').click()
  await page.getByTestId('image-form').locator('input').fill(`${relay.httpUrl}/no-such-picture.png`)
  await page.getByTestId('image-form').locator('input').press('Enter')
  // The image node's own element, whatever it is, as the editor shows it.
  const imageBox = () =>
    page.evaluate(() => {
      const { view } = window.ensembleEditor!
      let at = -1
      view.state.doc.descendants((node, pos) => {
        if (node.type.name === 'image') at = pos
      })
      const box = (view.nodeDOM(at) as HTMLElement | null)?.getBoundingClientRect()
      return box === undefined ? null : { x: box.x, y: box.y, width: box.width, height: box.height }
    })
  await expect.poll(async () => (await imageBox())?.width ?? 0).toBeGreaterThan(40)
  const box = (await imageBox())!
  expect(box.height).toBeGreaterThan(16)
  await expect(editor(page).locator('.image-problem')).toHaveText('Image could not be loaded')
  await expect(editor(page).locator('.image-problem')).toBeVisible()

  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  await expect.poll(() => page.evaluate(() => (window.ensembleEditor!.view.state.selection as { node?: { type: { name: string } } }).node?.type.name)).toBe('image')
  await page.keyboard.press('Delete')
  await expect(editor(page).locator('img:not(.ProseMirror-separator)')).toHaveCount(0)
  expect(await editorText(page)).toBe('See: ')
})

test('task checkboxes sit on their first line, and every line of a code block starts at the same place', async ({ openWriter }) => {
  const { page } = await openWriter('Ana Lima', 'alignment')
  await editor(page).focus()
  await page.keyboard.type('[ ] a task\n\n```line one')
  await page.keyboard.press('Enter')
  await page.keyboard.type('line two')
  await expect(editor(page).locator('pre code')).toHaveText('line one\nline two')
  const measured = await page.evaluate(() => {
    const root = document.querySelector('.ProseMirror')!
    const rectOf = (node: Node, from: number, to: number): DOMRect => {
      const range = document.createRange()
      range.setStart(node, from)
      range.setEnd(node, to)
      return range.getBoundingClientRect()
    }
    const box = root.querySelector('.task-checkbox input')!.getBoundingClientRect()
    const taskText = root.querySelector('.task-content')!.firstChild!.firstChild!
    const line = rectOf(taskText, 0, 1)
    const code = root.querySelector('pre code')!.firstChild!
    const second = code.textContent!.indexOf('line two')
    return {
      checkboxCentre: box.top + box.height / 2,
      lineCentre: line.top + line.height / 2,
      firstLineStart: rectOf(code, 0, 1).left,
      secondLineStart: rectOf(code, second, second + 1).left
    }
  })
  expect(Math.abs(measured.checkboxCentre - measured.lineCentre)).toBeLessThanOrEqual(3)
  expect(Math.abs(measured.firstLineStart - measured.secondLineStart)).toBeLessThanOrEqual(0.5)
})
