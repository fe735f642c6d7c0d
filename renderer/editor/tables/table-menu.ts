import { Plugin, PluginKey, type Command, type EditorState } from 'prosemirror-state'
import { findTable } from 'prosemirror-tables'
import type { EditorView } from 'prosemirror-view'
import { RovingFocus } from '../../ui/roving-focus'
import {
  addColumnAfter,
  addColumnBefore,
  addRowAfter,
  addRowBefore,
  deleteColumn,
  deleteRow,
  deleteTable,
  hasHeaderRow,
  isInTable,
  mergeCells,
  splitCell,
  toggleFirstRowHeader
} from './commands'
import type { MessageKey } from '../../../app/i18n/messages'
import { t } from '../../../app/i18n/translate'

export const tableMenuKey = new PluginKey('table-menu')

interface MenuItem {
  readonly id: string
  /** The catalogue's key of the button's text. */
  readonly label: MessageKey
  /** The key of the accessible name and tooltip. */
  readonly title: MessageKey
  readonly command: Command
  readonly pressed?: (state: EditorState) => boolean
}

const items: MenuItem[] = [
  { id: 'row-above', label: 'table.rowAbove', title: 'table.rowAboveTitle', command: addRowBefore },
  { id: 'row-below', label: 'table.rowBelow', title: 'table.rowBelowTitle', command: addRowAfter },
  { id: 'column-left', label: 'table.columnLeft', title: 'table.columnLeftTitle', command: addColumnBefore },
  { id: 'column-right', label: 'table.columnRight', title: 'table.columnRightTitle', command: addColumnAfter },
  { id: 'delete-row', label: 'table.deleteRow', title: 'table.deleteRowTitle', command: deleteRow },
  { id: 'delete-column', label: 'table.deleteColumn', title: 'table.deleteColumnTitle', command: deleteColumn },
  { id: 'merge-cells', label: 'table.merge', title: 'table.mergeTitle', command: mergeCells },
  { id: 'split-cell', label: 'table.split', title: 'table.splitTitle', command: splitCell },
  { id: 'header-row', label: 'table.header', title: 'table.headerTitle', command: toggleFirstRowHeader, pressed: hasHeaderRow },
  { id: 'delete-table', label: 'table.deleteTable', title: 'table.deleteTableTitle', command: deleteTable }
]

/**
 * The table menu (`[data-testid=table-menu]`, a toolbar named "Table"): shown above the table the
 * caret is in, in the space the stylesheet leaves above every table (so it covers no text and
 * nothing moves when it appears), with what the table commands can do there; a command that does not apply (Merge
 * without several cells selected, Split on a cell that is not merged) is disabled. For the
 * keyboard it is the context menu: Shift+F10 or the context-menu key in a table goes there, the
 * arrow keys, Home and End move along it, Enter or Space runs a command and returns to the
 * document, Escape returns without running one.
 */
export const tableMenuPlugin = (): Plugin => {
  let menu: TableMenuView | null = null
  return new Plugin({
    key: tableMenuKey,
    props: {
      handleKeyDown: (view, event) => {
        const contextMenuKey = event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey)
        if (!contextMenuKey || !isInTable(view.state)) return false
        return menu?.focus() ?? false
      }
    },
    view: (view) => (menu = new TableMenuView(view))
  })
}

class TableMenuView {
  private readonly element: HTMLElement
  private readonly buttons = new Map<MenuItem, HTMLButtonElement>()
  private readonly roving: RovingFocus

  constructor(private view: EditorView) {
    this.element = document.createElement('div')
    this.element.className = 'table-menu'
    this.element.dataset.testid = 'table-menu'
    this.element.setAttribute('role', 'toolbar')
    this.element.setAttribute('aria-label', t('table.menu'))
    this.element.hidden = true
    this.element.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return
      event.preventDefault()
      this.view.focus()
    })
    for (const item of items) {
      const button = document.createElement('button')
      button.type = 'button'
      button.dataset.command = item.id
      button.textContent = t(item.label)
      button.title = t(item.title)
      button.setAttribute('aria-label', t(item.title))
      // mousedown, not click: the editor keeps its selection (a cell selection to merge) and focus.
      button.addEventListener('mousedown', (event) => {
        event.preventDefault()
        this.run(item)
      })
      button.addEventListener('click', (event) => {
        if (event.detail === 0) this.run(item)
      })
      this.buttons.set(item, button)
      this.element.append(button)
    }
    ;(view.dom.parentElement ?? document.body).append(this.element)
    this.roving = new RovingFocus(this.element, () => [...this.buttons.values()])
    this.update(view)
  }

  focus(): boolean {
    if (this.element.hidden) return false
    return this.roving.focus()
  }

  private run(item: MenuItem): void {
    item.command(this.view.state, this.view.dispatch, this.view)
    this.view.focus()
  }

  update(view: EditorView): void {
    this.view = view
    const { state } = view
    const table = view.editable && isInTable(state) ? findTable(state.selection.$from) : null
    const hidden = table === null
    if (this.element.hidden !== hidden) this.element.hidden = hidden
    if (table === null) return
    for (const [item, button] of this.buttons) {
      const disabled = !item.command(state)
      if (button.disabled !== disabled) button.disabled = disabled
      if (item.pressed === undefined) continue
      const pressed = String(item.pressed(state))
      if (button.getAttribute('aria-pressed') !== pressed) button.setAttribute('aria-pressed', pressed)
    }
    this.roving.refresh()
    this.place(view, table.pos)
  }

  /** Just above the table, at its left edge. */
  private place(view: EditorView, tablePos: number): void {
    const dom = view.nodeDOM(tablePos) as HTMLElement | null
    const parent = this.element.offsetParent
    if (dom === null || parent === null) return
    const box = dom.getBoundingClientRect()
    const origin = parent.getBoundingClientRect()
    const left = `${box.left - origin.left + parent.scrollLeft}px`
    const top = `${box.top - origin.top + parent.scrollTop - this.element.offsetHeight - 4}px`
    if (this.element.style.left !== left) this.element.style.left = left
    if (this.element.style.top !== top) this.element.style.top = top
  }

  destroy(): void {
    this.roving.destroy()
    this.element.remove()
  }
}
