import { Plugin, PluginKey, type Command } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { FloatingForm } from './floating-form'
import { linkAt, normalizeHref, removeLink, setLink } from './links'
import { t } from '../../app/i18n/translate'

/** Whether the link form is open. The toolbar and `Mod-k` open it with `openLinkEditor`. */
export const linkEditorKey = new PluginKey<{ open: boolean }>('link-editor')

/** Opens the link form for the selection or the link at the cursor. */
export const openLinkEditor: Command = (state, dispatch) => {
  if (!state.selection.$from.parent.inlineContent || state.selection.$from.parent.type.spec.code === true) return false
  dispatch?.(state.tr.setMeta(linkEditorKey, { open: true }))
  return true
}

/** The form to set, change or remove a link (`[data-testid=link-editor]`); it closes when the selection moves. */
export const linkEditorPlugin = (): Plugin<{ open: boolean }> =>
  new Plugin<{ open: boolean }>({
    key: linkEditorKey,
    state: {
      init: () => ({ open: false }),
      apply: (tr, value) => {
        const meta = tr.getMeta(linkEditorKey) as { open: boolean } | undefined
        if (meta !== undefined) return meta
        return value.open && tr.selectionSet && !tr.docChanged ? { open: false } : value
      }
    },
    view: (view) => new LinkEditorView(view)
  })

class LinkEditorView {
  private readonly form: FloatingForm
  private wasOpen = false

  constructor(private view: EditorView) {
    const close = (): void => {
      this.view.dispatch(this.view.state.tr.setMeta(linkEditorKey, { open: false }))
      this.view.focus()
    }
    this.form = new FloatingForm(view.dom.parentElement ?? document.body, {
      testId: 'link-editor',
      label: t('link.label'),
      placeholder: 'https://example.com',
      onCancel: close,
      actions: [{ label: t('link.remove'), run: () => (removeLink(this.view.state, this.view.dispatch), close()) }],
      onSubmit: (value) => {
        let href: string
        try {
          href = normalizeHref(value)
        } catch (error) {
          return error instanceof Error ? error.message : String(error)
        }
        setLink(href)(this.view.state, this.view.dispatch)
        close()
        return null
      }
    })
    this.update(view)
  }

  update(view: EditorView): void {
    this.view = view
    const open = linkEditorKey.getState(view.state)?.open === true
    if (open && !this.wasOpen) {
      const existing = linkAt(view.state)
      this.form.show(view, view.state.selection.from, existing?.href ?? '', existing !== null)
    }
    if (!open) this.form.hide()
    this.wasOpen = open
  }

  destroy(): void {
    this.form.destroy()
  }
}
