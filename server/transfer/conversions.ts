/**
 * The conversions the document API runs, with the DOM they need on the server. `DocumentApi`
 * loads this module on the first export or import only: it pulls in linkedom, markdown-it and
 * ProseMirror, about 25 MB of a relay's memory that a relay nobody exports from does without.
 */
export { exportDocument, importDocument } from '../../app/convert/convert'
export { readDocument, replaceDocument } from '../../app/convert/yjs-content'
export { serverDom } from './server-dom'
