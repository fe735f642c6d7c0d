import { Plugin, PluginKey, type Command } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { canInsert, insertImage, nodes } from './commands'
import { FloatingForm } from './floating-form'
import { t } from '../../app/i18n/translate'

/** Whether the "image by URL" form is open. */
export const imageFormKey = new PluginKey<{ open: boolean }>('image-form')

/** Opens the form that inserts an image by URL at the selection. */
export const openImageForm: Command = (state, dispatch) => {
  if (!canInsert(state, nodes.image)) return false
  dispatch?.(state.tr.setMeta(imageFormKey, { open: true }))
  return true
}

/** Checks an image address: http(s) only, so that documents never point at local files. */
export const normalizeImageUrl = (input: string): string => {
  const text = input.trim()
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new RangeError(t('image.notAddress', { text }))
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RangeError(t('image.badProtocol', { protocol: url.protocol }))
  }
  return url.href
}

/** The form (`[data-testid=image-form]`) that adds an image by URL. */
export const imageFormPlugin = (): Plugin<{ open: boolean }> =>
  new Plugin<{ open: boolean }>({
    key: imageFormKey,
    state: {
      init: () => ({ open: false }),
      apply: (tr, value) => (tr.getMeta(imageFormKey) as { open: boolean } | undefined) ?? value
    },
    view: (view) => new ImageFormView(view)
  })

class ImageFormView {
  private readonly form: FloatingForm
  private wasOpen = false

  constructor(private view: EditorView) {
    const close = (): void => {
      this.view.dispatch(this.view.state.tr.setMeta(imageFormKey, { open: false }))
      this.view.focus()
    }
    this.form = new FloatingForm(view.dom.parentElement ?? document.body, {
      testId: 'image-form',
      label: t('image.urlLabel'),
      placeholder: 'https://example.com/picture.png',
      onCancel: close,
      onSubmit: (value) => {
        let src: string
        try {
          src = normalizeImageUrl(value)
        } catch (error) {
          return error instanceof Error ? error.message : String(error)
        }
        if (!insertImage(src)(this.view.state, this.view.dispatch)) return t('image.cannotGoHere')
        close()
        return null
      }
    })
  }

  update(view: EditorView): void {
    this.view = view
    const open = imageFormKey.getState(view.state)?.open === true
    if (open && !this.wasOpen) this.form.show(view, view.state.selection.from, '', false)
    if (!open) this.form.hide()
    this.wasOpen = open
  }

  destroy(): void {
    this.form.destroy()
  }
}
