import { DOMParser } from 'prosemirror-model'
import { schema } from '../schema'
import { moveChildren, replaceElement, type DomDocument, type DomElement, type HtmlDom } from './html-dom'
import { normaliseTables, removeWordParagraphMarkers } from './html-tables'
import { ImportError, type ImportResult } from './import-result'
import { ImportWarnings } from './import-warnings'
import { removeUnsafeUrls } from './safe-urls'
import { regularTables } from './table-shape'
import { t } from '../i18n/translate'

const parser = DOMParser.fromSchema(schema)

/** The DOM node type prosemirror-model's parser expects (the DOM's `Node` where DOM types exist). */
type ParserNode = Parameters<DOMParser['parse']>[0]

/** Elements with no text worth keeping that the document cannot hold; they are removed and reported. */
const droppedElements = ['iframe', 'video', 'audio', 'canvas', 'object', 'embed', 'svg', 'math', 'input', 'select', 'textarea', 'script', 'noscript', 'template']
/**
 * Markup about the page rather than content of it; removed without a word. Google Docs starts
 * what it copies with a `<meta charset>`, Google Sheets with a `<style>`: every paste from them
 * would otherwise report that something was left out.
 */
const pageMarkup = ['style', 'link', 'meta', 'title']
/** Elements that carry meaning the schema has no place for; their text stays and the loss is reported. */
const flattenedElements = ['sub', 'sup', 'small', 'big', 'font', 'kbd', 'abbr', 'q', 'cite', 'dfn', 'var', 'samp', 'dl', 'dt', 'dd', 'details', 'summary', 'center', 'address', 'button', 'label']

/**
 * Reads an HTML page or fragment into a document, with a warning for each kind of content it had
 * to change. The parse rules are the schema's (`parseDOM`), so a page written by `documentToHtml`
 * reads back as the same document. Before parsing, what the schema cannot express is turned into
 * what it can (nested tables into paragraphs, h4–h6 into h3, GitHub-style task lists into task
 * lists) or removed, and reported; tables are made rectangular after parsing.
 */
export const htmlToDocument = (html: string, options: { readonly dom: HtmlDom }): ImportResult => {
  const page = options.dom.parseDocument(html)
  const body = page.body
  if (body === null) throw new ImportError(t('import.noBody'))
  const warnings = new ImportWarnings()
  normalise(page, body, warnings)
  const parsed = parser.parse(body as unknown as ParserNode)
  return { doc: regularTables(removeUnsafeUrls(parsed, warnings)), warnings: warnings.list() }
}

/**
 * Rewrites HTML the way `htmlToDocument` does before it parses (nested tables into paragraphs,
 * h4–h6 into h3, task lists, elements the document cannot hold removed) and returns the body's HTML.
 * The editor runs pasted HTML through it, so that pasting some HTML and importing it give the same
 * document. What was changed is added to `warnings`.
 */
export const htmlAsImportReadsIt = (html: string, options: { readonly dom: HtmlDom; readonly warnings: ImportWarnings }): string => {
  const page = options.dom.parseDocument(html)
  const body = page.body
  if (body === null) return ''
  normalise(page, body, options.warnings)
  return body.innerHTML
}

const normalise = (page: DomDocument, body: DomElement, warnings: ImportWarnings): void => {
  for (const list of Array.from(body.querySelectorAll('ul:not([data-type=tasks])'))) markTaskList(list)
  // A task's checkbox is markup of the task list (its state is `data-checked`), not a form field.
  for (const box of Array.from(body.querySelectorAll('ul[data-type=tasks] > li input[type=checkbox]'))) box.parentNode?.removeChild(box)
  for (const element of Array.from(body.querySelectorAll(pageMarkup.join(',')))) element.parentNode?.removeChild(element)
  for (const element of Array.from(body.querySelectorAll(droppedElements.join(',')))) {
    if (element.parentNode === null) continue
    warnings.add('dropped-element', `<${element.tagName.toLowerCase()}>`)
    element.parentNode.removeChild(element)
  }
  removeWordParagraphMarkers(body)
  normaliseTables(page, body, warnings)
  for (const heading of Array.from(body.querySelectorAll('h4, h5, h6'))) {
    warnings.add('heading-level')
    const replacement = page.createElement('h3')
    moveChildren(heading, replacement)
    replaceElement(heading, replacement)
  }
  for (const element of Array.from(body.querySelectorAll(flattenedElements.join(',')))) {
    warnings.add('unsupported-element', `<${element.tagName.toLowerCase()}>`)
  }
}

/**
 * GitHub and markdown-it write task lists as `<ul>` items that start with a checkbox; when every
 * item of a list does, it becomes the schema's `<ul data-type="tasks">` with `data-checked`.
 */
const markTaskList = (list: DomElement): void => {
  const items = Array.from(list.children).filter((child) => child.tagName.toLowerCase() === 'li')
  const boxes = items.map((item) => item.querySelector('input[type=checkbox]'))
  if (items.length === 0 || boxes.some((box) => box === null)) return
  list.setAttribute('data-type', 'tasks')
  items.forEach((item, index) => item.setAttribute('data-checked', String(boxes[index]!.getAttribute('checked') !== null)))
}
