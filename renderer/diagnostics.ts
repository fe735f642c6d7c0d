import type { OpenDocument } from './screens/editor-screen'

declare global {
  interface Window {
    /**
     * The document open in this page, for diagnostics in the console and for end-to-end tests and
     * benchmarks, which import this module's type (`import type {} from '../renderer/diagnostics'`).
     */
    ensembleEditor?: OpenDocument
  }
}

export type { OpenDocument }
