import type { PlatformBridge } from '../../app/bridge'
import { importFormatOfFile } from '../../app/convert/formats'
import { ImportError } from '../../app/convert/import-result'
import { importAsNewDocument, type ImportSource } from './import-file'
import { t } from '../../app/i18n/translate'

/** Where a failed import is explained to the user. */
export type ImportProblem = (message: string) => void

const run = (file: ImportSource, bridge: PlatformBridge, showProblem: ImportProblem): void => {
  importAsNewDocument(file, bridge).catch((error: unknown) =>
    showProblem(
      error instanceof ImportError
        ? t('import.refused', { reason: error.message })
        : t('import.failed', { reason: error instanceof Error ? error.message : String(error) })
    )
  )
}

/**
 * A button that picks a Markdown or HTML file and imports it as a new document
 * (`[data-testid=import-button]`, with its file input `[data-testid=import-file]`).
 */
export const createImportButton = (bridge: PlatformBridge, showProblem: ImportProblem): HTMLElement => {
  const wrapper = document.createElement('span')
  const input = document.createElement('input')
  input.type = 'file'
  input.accept = '.md,.markdown,.html,.htm,text/markdown,text/html'
  input.hidden = true
  input.dataset.testid = 'import-file'
  const button = document.createElement('button')
  button.type = 'button'
  button.dataset.testid = 'import-button'
  button.textContent = t('import.button')
  button.title = t('import.buttonTitle')
  button.addEventListener('click', () => input.click())
  input.addEventListener('change', () => {
    const file = input.files?.[0]
    input.value = ''
    if (file !== undefined) run(file, bridge, showProblem)
  })
  wrapper.append(button, input)
  return wrapper
}

/**
 * Imports files dropped anywhere on the window and files the platform hands over (the desktop's
 * File → Import). Only Markdown and HTML files are taken; other drops (images into the editor)
 * go on to the editor as before. Returns the uninstall function.
 */
export const installImportEntryPoints = (target: Window, bridge: PlatformBridge, showProblem: ImportProblem): (() => void) => {
  const importable = (event: DragEvent): File | null => {
    const file = event.dataTransfer?.files[0]
    return file !== undefined && importFormatOfFile(file.name) !== null ? file : null
  }
  const onDragOver = (event: DragEvent): void => {
    // Files are not readable during dragover; their kind is. Accept file drags so that drop fires.
    if ([...(event.dataTransfer?.items ?? [])].some((item) => item.kind === 'file')) event.preventDefault()
  }
  const onDrop = (event: DragEvent): void => {
    const file = importable(event)
    if (file === null) return
    event.preventDefault()
    event.stopPropagation()
    run(file, bridge, showProblem)
  }
  target.addEventListener('dragover', onDragOver)
  // Capture: the editor must not get a Markdown file dropped onto it.
  target.addEventListener('drop', onDrop, true)
  const stopPlatform = bridge.transfer.onFileToImport((file) =>
    run({ name: file.fileName, size: new Blob([file.text]).size, text: async () => file.text }, bridge, showProblem)
  )
  return () => {
    target.removeEventListener('dragover', onDragOver)
    target.removeEventListener('drop', onDrop, true)
    stopPlatform()
  }
}

/** Shows why an import failed in a dismissable alert (`[data-testid=import-problem]`) over whatever screen is open. */
export const showImportProblem: ImportProblem = (message) => {
  let box = document.querySelector<HTMLElement>('[data-testid=import-problem]')
  if (box === null) {
    box = document.createElement('div')
    box.className = 'import-problem'
    box.dataset.testid = 'import-problem'
    box.setAttribute('role', 'alert')
    document.body.append(box)
  }
  const text = document.createElement('span')
  text.textContent = message
  const close = document.createElement('button')
  close.type = 'button'
  close.textContent = t('import.dismiss')
  close.addEventListener('click', () => box.remove())
  box.replaceChildren(text, close)
}
