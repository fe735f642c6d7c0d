import type { MarkType, NodeType } from 'prosemirror-model'
import { Bold, Code, Image, Italic, Link, List, ListOrdered, ListTodo, Minus, PenLine, Redo2, Strikethrough, Table, TextAlignCenter, TextAlignEnd, TextAlignJustify, TextAlignStart, TextQuote, Underline, Undo2 } from 'lucide'
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
import { afterNextFrame } from './after-frame'
import { openLinkEditor } from './link-editor'
import { openImageForm } from './image-form'
import { insertTable } from './tables'
import { RovingFocus } from '../ui/roving-focus'
import { alignmentButtons, colorMenus, type ColorMenu } from './formatting'
import type { MessageKey } from '../../app/i18n/messages'
import { t } from '../../app/i18n/translate'
import type { IconNode } from '../ui/icons'
import { iconButton } from '../ui/icon-button'
import { attachTooltip } from '../ui/tooltip'
import { suggestingModeButton } from './suggesting'

export const toolbarKey = new PluginKey('toolbar')

interface ToolbarButton {
  readonly id: string
  readonly icon: IconNode
  /** Its name, read at render time (the language is chosen at boot). */
  readonly label: () => string
  /** The keymap's shortcut (`./keymap.ts`), shown in the tooltip. */
  readonly shortcut?: string
  readonly command: Command
  /** Pressed state (`aria-pressed`); buttons without one are plain actions. */
  readonly active?: (state: EditorState) => boolean
}

const markButton = (id: string, icon: IconNode, label: MessageKey, shortcut: string, type: MarkType, command: Command): ToolbarButton => ({
  id,
  icon,
  label: () => t(label),
  shortcut,
  command,
  active: (state) => isMarkActive(state, type)
})

const containerButton = (id: string, icon: IconNode, label: MessageKey, shortcut: string, type: NodeType, command: Command): ToolbarButton => ({
  id,
  icon,
  label: () => t(label),
  shortcut,
  command,
  active: (state) => isInside(state, type)
})

/** The alignment buttons of `./formatting/`, drawn with the toolbar's icons, names and shortcuts. */
const alignment: Readonly<Record<string, { icon: IconNode; label: MessageKey; shortcut: string }>> = {
  'align-left': { icon: TextAlignStart, label: 'toolbar.alignLeft', shortcut: 'Shift-Mod-l' },
  'align-center': { icon: TextAlignCenter, label: 'toolbar.alignCenter', shortcut: 'Shift-Mod-e' },
  'align-right': { icon: TextAlignEnd, label: 'toolbar.alignRight', shortcut: 'Shift-Mod-r' },
  'align-justify': { icon: TextAlignJustify, label: 'toolbar.justify', shortcut: 'Shift-Mod-j' }
}

/** The toolbar's buttons in groups, drawn with a separator between groups; `colours` marks where the colour menus go. */
const groups = (): ReadonlyArray<readonly ToolbarButton[] | 'colours'> => [
  [
    { id: 'undo', icon: Undo2, label: () => t('toolbar.undo'), shortcut: 'Mod-z', command: undoCommand },
    { id: 'redo', icon: Redo2, label: () => t('toolbar.redo'), shortcut: 'Shift-Mod-z', command: redoCommand }
  ],
  [
    markButton('bold', Bold, 'toolbar.bold', 'Mod-b', marks.bold, toggleBold),
    markButton('italic', Italic, 'toolbar.italic', 'Mod-i', marks.italic, toggleItalic),
    markButton('underline', Underline, 'toolbar.underline', 'Mod-u', marks.underline, toggleUnderline),
    markButton('strike', Strikethrough, 'toolbar.strike', 'Shift-Mod-s', marks.strike, toggleStrike),
    markButton('code', Code, 'toolbar.code', 'Mod-e', marks.code, toggleInlineCode),
    markButton('link', Link, 'toolbar.link', 'Mod-k', marks.link, openLinkEditor)
  ],
  'colours',
  [
    containerButton('bullet_list', List, 'toolbar.bulletList', 'Shift-Mod-8', nodes.bullet_list, toggleList(nodes.bullet_list)),
    containerButton('ordered_list', ListOrdered, 'toolbar.orderedList', 'Shift-Mod-7', nodes.ordered_list, toggleList(nodes.ordered_list)),
    containerButton('task_list', ListTodo, 'toolbar.taskList', 'Shift-Mod-9', nodes.task_list, toggleList(nodes.task_list)),
    containerButton('blockquote', TextQuote, 'toolbar.blockquote', 'Shift-Mod-b', nodes.blockquote, toggleBlockquote)
  ],
  alignmentButtons.map((button) => {
    const drawn = alignment[button.id]
    if (drawn === undefined) throw new RangeError(`the toolbar has no icon for the alignment button "${button.id}"`)
    return { ...button, icon: drawn.icon, label: () => t(drawn.label), shortcut: drawn.shortcut }
  }),
  [
    { id: 'horizontal_rule', icon: Minus, label: () => t('toolbar.horizontalRule'), command: insertHorizontalRule },
    { id: 'image', icon: Image, label: () => t('toolbar.image'), command: openImageForm },
    { id: 'table', icon: Table, label: () => t('toolbar.table'), shortcut: 'Shift-Mod-Alt-t', command: insertTable() }
  ],
  // Last, as in Google Docs: the Editing / Suggesting switch (./suggesting/).
  [
    {
      id: suggestingModeButton.id,
      icon: PenLine,
      label: () => suggestingModeButton.label,
      shortcut: 'Mod-Alt-Shift-x',
      command: suggestingModeButton.command,
      active: suggestingModeButton.active
    }
  ]
]

const blockTypes = (): Array<{ value: string; label: string; command: Command }> => [
  { value: 'paragraph', label: t('toolbar.paragraph'), command: setParagraph },
  { value: 'heading-1', label: t('toolbar.heading1'), command: setHeading(1) },
  { value: 'heading-2', label: t('toolbar.heading2'), command: setHeading(2) },
  { value: 'heading-3', label: t('toolbar.heading3'), command: setHeading(3) },
  { value: 'code_block', label: t('toolbar.codeBlock'), command: setCodeBlock }
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
  private readonly blockTypes: ReturnType<typeof blockTypes>
  private readonly elements = new Map<ToolbarButton, HTMLButtonElement>()
  private readonly roving: RovingFocus
  // Text colour and highlight menus (./formatting/), after the buttons.
  private readonly colorMenus: ColorMenu[]
  private cancelRender: (() => void) | null = null

  constructor(
    private view: EditorView,
    private readonly container: HTMLElement
  ) {
    container.dataset.testid = 'toolbar'
    container.classList.add('toolbar')
    container.setAttribute('role', 'toolbar')
    container.setAttribute('aria-label', t('toolbar.label'))
    container.setAttribute('aria-keyshortcuts', 'Alt+F10')
    container.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return
      event.preventDefault()
      this.view.focus()
    })
    this.blockTypes = blockTypes()
    this.select = document.createElement('select')
    this.select.dataset.testid = 'block-type'
    this.select.className = 'block-type'
    this.select.setAttribute('aria-label', t('toolbar.blockType'))
    attachTooltip(this.select, t('toolbar.blockType'))
    for (const { value, label } of this.blockTypes) this.select.append(new Option(label, value))
    this.select.append(new Option(t('toolbar.otherBlock'), 'other'))
    this.select.addEventListener('change', () => {
      this.blockTypes.find((type) => type.value === this.select.value)?.command(this.view.state, this.view.dispatch)
      this.view.focus()
    })
    container.append(this.select)
    this.colorMenus = colorMenus(() => this.view)
    const controls: HTMLElement[] = [this.select]
    for (const group of groups()) {
      container.append(separator())
      if (group === 'colours') {
        for (const menu of this.colorMenus) {
          // The styled tooltip instead of the browser's.
          const label = menu.button.getAttribute('aria-label') ?? ''
          menu.button.removeAttribute('title')
          menu.button.classList.add('icon-button')
          attachTooltip(menu.button, label)
          container.append(menu.element)
          controls.push(menu.button)
        }
        continue
      }
      for (const button of group) {
        const element = this.button(button)
        container.append(element)
        controls.push(element)
      }
    }
    this.roving = new RovingFocus(container, () => controls)
    this.render()
  }

  private button(button: ToolbarButton): HTMLButtonElement {
    const element = iconButton({ icon: button.icon, label: button.label(), ...(button.shortcut === undefined ? {} : { shortcut: button.shortcut }) })
    element.dataset.command = button.id
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
    return element
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
   * Called on every transaction; the buttons are brought up to date once per frame, after it is drawn
   * (whether a command applies can take a walk over the document's blocks, a few per keystroke).
   */
  update(view: EditorView): void {
    this.view = view
    this.cancelRender ??= afterNextFrame(() => this.render())
  }

  private render(): void {
    this.cancelRender = null
    const { view } = this
    const { state } = view
    const block = activeBlockType(state)
    // Runs once a frame while the document changes, so the DOM is only written where something changed.
    const shown = this.blockTypes.some((type) => type.value === block) ? block : 'other'
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
    for (const menu of this.colorMenus) menu.update(view)
    // The tab stop may have been on a button that is now disabled.
    this.roving.refresh()
  }

  destroy(): void {
    this.cancelRender?.()
    for (const menu of this.colorMenus) menu.destroy()
    this.roving.destroy()
    this.container.replaceChildren()
  }
}

/** A thin line between groups of the toolbar. */
const separator = (): HTMLElement => {
  const line = document.createElement('span')
  line.className = 'toolbar-separator'
  line.setAttribute('role', 'separator')
  line.setAttribute('aria-orientation', 'vertical')
  return line
}
