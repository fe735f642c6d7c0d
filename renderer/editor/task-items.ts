import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey } from 'prosemirror-state'
import type { EditorView, NodeView } from 'prosemirror-view'
import { t } from '../../app/i18n/translate'

export const taskItemsKey = new PluginKey('task-items')

/** Renders task items with a checkbox that toggles their `checked` attribute (a synced change). */
export const taskItemsPlugin = (): Plugin =>
  new Plugin({
    key: taskItemsKey,
    props: {
      nodeViews: {
        task_item: (node, view, getPos) => new TaskItemView(node, view, getPos)
      }
    }
  })

class TaskItemView implements NodeView {
  readonly dom: HTMLLIElement
  readonly contentDOM: HTMLDivElement
  private readonly checkbox: HTMLInputElement

  constructor(
    private node: Node,
    view: EditorView,
    getPos: () => number | undefined
  ) {
    this.dom = document.createElement('li')
    const box = document.createElement('span')
    box.className = 'task-checkbox'
    box.contentEditable = 'false'
    this.checkbox = document.createElement('input')
    this.checkbox.type = 'checkbox'
    this.checkbox.setAttribute('aria-label', t('task.done'))
    this.checkbox.addEventListener('change', () => {
      const pos = getPos()
      if (pos === undefined) return
      view.dispatch(view.state.tr.setNodeMarkup(pos, undefined, { ...this.node.attrs, checked: this.checkbox.checked }))
    })
    box.append(this.checkbox)
    this.contentDOM = document.createElement('div')
    this.contentDOM.className = 'task-content'
    this.dom.append(box, this.contentDOM)
    this.render()
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type) return false
    this.node = node
    this.render()
    return true
  }

  // Clicks on the checkbox are ours, not ProseMirror's.
  stopEvent(event: Event): boolean {
    return event.target === this.checkbox
  }

  ignoreMutation(mutation: MutationRecord | { type: 'selection'; target: globalThis.Node }): boolean {
    return mutation.type !== 'selection' && !this.contentDOM.contains(mutation.target)
  }

  private render(): void {
    const checked = this.node.attrs.checked === true
    this.checkbox.checked = checked
    this.dom.dataset.checked = String(checked)
  }
}
