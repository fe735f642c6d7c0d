import { Plugin, PluginKey } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { imageFileProblem } from '../../app/schema'
import { nodes } from './commands'
import type { ShowNotice } from './notices'
import { t } from '../../app/i18n/translate'

export const imageFilesKey = new PluginKey('image-files')

/**
 * Stores pasted or dropped image files in the document itself, as `data:` URLs in the image's
 * `src`: the image then syncs, works offline and survives copy and paste into another document,
 * with no file server. The size limit (app/schema.ts) keeps documents small enough to sync.
 */
export const imageFilesPlugin = (showNotice: ShowNotice): Plugin =>
  new Plugin({
    key: imageFilesKey,
    props: {
      handlePaste: (view, event) => insertFiles(view, filesOf(event.clipboardData), view.state.selection.from, showNotice),
      handleDrop: (view, event) => {
        const files = filesOf(event.dataTransfer)
        if (files.length === 0) return false
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.from
        return insertFiles(view, files, at, showNotice)
      }
    }
  })

const filesOf = (data: DataTransfer | null): File[] => Array.from(data?.files ?? [])

/** Returns whether it handled the event: true when there were files, even if some were refused. */
const insertFiles = (view: EditorView, files: File[], at: number, showNotice: ShowNotice): boolean => {
  if (files.length === 0) return false
  for (const file of files) {
    const problem = imageFileProblem(file)
    if (problem !== null) {
      showNotice(t('image.notAdded', { problem }))
      continue
    }
    readAsDataUrl(file).then(
      (src) => {
        // The document may have changed while the file was read (remote edits): clamp the point.
        const pos = Math.min(at, view.state.doc.content.size)
        try {
          view.dispatch(view.state.tr.insert(pos, nodes.image.create({ src, alt: file.name })).scrollIntoView())
        } catch (error) {
          showNotice(t('image.notAddedAt', { name: file.name, pos, reason: String(error) }))
        }
      },
      (error: unknown) => showNotice(t('image.notRead', { name: file.name, reason: String(error) }))
    )
  }
  return true
}

const readAsDataUrl = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as string)
    reader.onerror = () => reject(reader.error ?? new Error('unknown read error'))
    reader.readAsDataURL(file)
  })
