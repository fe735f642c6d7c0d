import { Slice } from 'prosemirror-model'
import { Plugin, PluginKey } from 'prosemirror-state'
import { htmlAsImportReadsIt } from '../../app/convert/html-import'
import { ImportWarnings } from '../../app/convert/import-warnings'
import { withoutUnsafeUrls } from '../../app/convert/safe-urls'
import { browserDom } from '../transfer/browser-dom'
import type { ShowNotice } from './notices'
import { t } from '../../app/i18n/translate'

export const pasteKey = new PluginKey('paste')

/**
 * Reads pasted (and dropped) HTML by the import's rules (`app/convert/html-import.ts`), so that
 * pasting and importing the same HTML give the same document: a table stays a table (from a web
 * page, Google Docs, Sheets or Word; a table nested in a cell becomes one paragraph per row),
 * h4–h6 become h3, and links and images that could run code lose their address. Pasted cells
 * inside a table fill the cells at the caret (prosemirror-tables' paste handling). What was changed is said in a notice, as an import's report says it;
 * formatting the schema has no mark for is dropped silently, as every editor does on paste.
 */
export const pastePlugin = (showNotice: ShowNotice): Plugin => {
  // Set by transformPastedHTML, read by transformPasted, which ProseMirror calls right after it.
  let warnings: ImportWarnings | null = null
  return new Plugin({
    key: pasteKey,
    props: {
      transformPastedHTML: (html) => {
        warnings = new ImportWarnings()
        return htmlAsImportReadsIt(html, { dom: browserDom, warnings })
      },
      transformPasted: (slice) => {
        const found = warnings ?? new ImportWarnings()
        warnings = null
        const content = withoutUnsafeUrls(slice.content, found)
        const said = found.list().filter((warning) => warning.kind !== 'unsupported-element')
        if (said.length > 0) showNotice(t('editor.pastedWithChanges', { changes: said.map((warning) => warning.message).join(' ') }))
        return content === slice.content ? slice : new Slice(content, slice.openStart, slice.openEnd)
      }
    }
  })
}
