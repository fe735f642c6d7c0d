import type { MarkType } from 'prosemirror-model'
import { Plugin, PluginKey, type Command, type EditorState } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { redoCommand, undoCommand } from 'y-prosemirror'
import {
  activeBlockType,
  insertHorizontalRule,
  isInside,
  isMarkActive,
  marks,
  nodes,
  setCodeBlock,
  setHeading,
  setParagraph,
  toggleBlockquote,
  toggleBold,
  toggleInlineCode,
  toggleItalic,
  toggleList,
  toggleStrike,
  toggleUnderline
} from './commands'
import { openLinkEditor } from './link-editor'
import { openImageForm } from './image-form'
import { insertTable } from './tables'
import { RovingFocus } from '../ui/roving-focus'

export const toolbarKey = new PluginKey('toolbar')

interface ToolbarButton {
  readonly id: string
  readonly label: string
  readonly title: string
  readonly command: Command
  /** Pressed state (`aria-pressed`); buttons without one are plain actions. */
  readonly active?: (state: EditorState) => boolean
}

const markButton = (id: string, label: string, title: string, type: MarkType, command: Command): ToolbarButton => ({
  id,
  label,
  title,
  command,
  active: (state) => isMarkActive(state, type)
})

const buttons: ToolbarButton[] = [
  { id: 'undo', label: '↶', title: 'Undo your last change (Ctrl/Cmd+Z)', command: undoCommand },
  { id: 'redo', label: '↷', title: 'Redo (Shift+Ctrl/Cmd+Z or Ctrl+Y)', command: redoCommand },
  markButton('bold', 'B', 'Bold (Ctrl/Cmd+B)', marks.bold, toggleBold),
  markButton('italic', 'I', 'Italic (Ctrl/Cmd+I)', marks.italic, toggleItalic),
  markButton('underline', 'U', 'Underline (Ctrl/Cmd+U)', marks.underline, toggleUnderline),
  markButton('strike', 'S', 'Strikethrough (Shift+Ctrl/Cmd+S)', marks.strike, toggleStrike),
  markButton('code', '</>', 'Inline code (Ctrl/Cmd+E)', marks.code, toggleInlineCode),
  markButton('link', 'Link', 'Link (Ctrl/Cmd+K)', marks.link, openLinkEditor),
  { id: 'bullet_list', label: '•', title: 'Bulleted list (Shift+Ctrl/Cmd+8)', command: toggleList(nodes.bullet_list), active: (s) => isInside(s, nodes.bullet_list) },
  { id: 'ordered_list', label: '1.', title: 'Numbered list (Shift+Ctrl/Cmd+7)', command: toggleList(nodes.ordered_list), active: (s) => isInside(s, nodes.ordered_list) },
  { id: 'task_list', label: '☑', title: 'Task list (Shift+Ctrl/Cmd+9)', command: toggleList(nodes.task_list), active: (s) => isInside(s, nodes.task_list) },
  { id: 'blockquote', label: '❝', title: 'Quote (Shift+Ctrl/Cmd+B)', command: toggleBlockquote, active: (s) => isInside(s, nodes.blockquote) },
  { id: 'horizontal_rule', label: '―', title: 'Horizontal rule (type --- )', command: insertHorizontalRule },
  { id: 'image', label: 'Image', title: 'Image by URL (or paste or drop a file)', command: openImageForm },
  { id: 'table', label: 'Table', title: 'Insert a table (Shift+Ctrl/Cmd+Alt+T)', command: insertTable() }
]

const blockTypes: Array<{ value: string; label: string; command: Command }> = [
  { value: 'paragraph', label: 'Paragraph', command: setParagraph },
  { value: 'heading-1', label: 'Heading 1', command: setHeading(1) },
  { value: 'heading-2', label: 'Heading 2', command: setHeading(2) },
  { value: 'heading-3', label: 'Heading 3', command: setHeading(3) },
  { value: 'code_block', label: 'Code block', command: setCodeBlock }
]

/**
 * The toolbar (`[data-testid=toolbar]`): a block-type menu that shows the block at the cursor,
 * and buttons whose `aria-pressed` shows the active marks and containers. Buttons a command
 * cannot apply to are disabled. For the keyboard it is one tab stop (`RovingFocus`): Alt+F10 in
 * the document goes there, the arrow keys, Home and End move along it, Enter or Space presses a
 * button and returns to the document, and Escape returns without pressing anything.
 */
export const toolbarPlugin = (container: HTMLElement): Plugin => {
  let toolbar: ToolbarView | null = null
  return new Plugin({
    key: toolbarKey,
    props: {
      handleKeyDown: (_view, event) => {
        if (event.key !== 'F10' || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false
        return toolbar?.focus() ?? false
      }
    },
    view: (view) => (toolbar = new ToolbarView(view, container))
  })
}

class ToolbarView {
  private readonly select: HTMLSelectElement
  private readonly elements = new Map<ToolbarButton, HTMLButtonElement>()
  private readonly roving: RovingFocus
  private frame: number | null = null

  constructor(
    private view: EditorView,
    private readonly container: HTMLElement
  ) {
    container.dataset.testid = 'toolbar'
    container.classList.add('toolbar')
    container.setAttribute('role', 'toolbar')
    container.setAttribute('aria-label', 'Formatting (Alt+F10 from the document)')
    container.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return
      event.preventDefault()
      this.view.focus()
    })
    this.select = document.createElement('select')
    this.select.dataset.testid = 'block-type'
    this.select.title = 'Block type'
    for (const { value, label } of blockTypes) this.select.append(new Option(label, value))
    this.select.append(new Option('Other', 'other'))
    this.select.addEventListener('change', () => {
      blockTypes.find((type) => type.value === this.select.value)?.command(this.view.state, this.view.dispatch)
      this.view.focus()
    })
    container.append(this.select)
    for (const button of buttons) {
      const element = document.createElement('button')
      element.type = 'button'
      element.dataset.command = button.id
      element.textContent = button.label
      element.title = button.title
      element.setAttribute('aria-label', button.title)
      // mousedown, not click: the editor keeps its selection and focus.
      element.addEventListener('mousedown', (event) => {
        event.preventDefault()
        this.run(button)
      })
      // Enter or Space on a focused button (a click with no mouse, detail 0); a mouse click has
      // already run the command on mousedown.
      element.addEventListener('click', (event) => {
        if (event.detail === 0) this.run(button)
      })
      this.elements.set(button, element)
      container.append(element)
    }
    this.roving = new RovingFocus(container, () => [this.select, ...this.elements.values()])
    this.render()
  }

  /** Puts the focus on the toolbar's tab stop (Alt+F10). */
  focus(): boolean {
    return this.roving.focus()
  }

  /** Runs a button's command, then gives the editor its focus back unless the command took it (a form). */
  private run(button: ToolbarButton): void {
    const focused = document.activeElement
    button.command(this.view.state, this.view.dispatch, this.view)
    const now = document.activeElement
    // Link and Image open a form and focus its field; taking the focus back would send the
    // address typed next into the document, over the selection.
    if (now === focused || now === null || now === document.body) this.view.focus()
  }

  /**
   * Called on every transaction; the buttons are brought up to date once per animation frame
   * (whether a command applies can take a walk over the document's blocks, a few per keystroke).
   */
  update(view: EditorView): void {
    this.view = view
    if (this.frame === null) this.frame = requestAnimationFrame(() => this.render())
  }

  private render(): void {
    this.frame = null
    const { view } = this
    const { state } = view
    const block = activeBlockType(state)
    // Runs once a frame while the document changes, so the DOM is only written where something changed.
    const shown = blockTypes.some((type) => type.value === block) ? block : 'other'
    if (this.select.value !== shown) this.select.value = shown
    if (this.select.dataset.active !== block) this.select.dataset.active = block
    // Not editable: a version is shown, or the user may only view. Commands would change nothing.
    const readOnly = !view.editable
    if (this.select.disabled !== readOnly) this.select.disabled = readOnly
    for (const [button, element] of this.elements) {
      const disabled = readOnly || !button.command(state)
      if (element.disabled !== disabled) element.disabled = disabled
      if (button.active === undefined) continue
      const pressed = String(button.active(state))
      if (element.getAttribute('aria-pressed') !== pressed) element.setAttribute('aria-pressed', pressed)
    }
    // The tab stop may have been on a button that is now disabled.
    this.roving.refresh()
  }

  destroy(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame)
    this.roving.destroy()
    this.container.replaceChildren()
  }
}
