/**
 * Where a document's content lives inside its Y.Doc. Every client (desktop renderer, web client,
 * exporters) binds ProseMirror to this one `Y.XmlFragment`; renaming it would hide existing content.
 */
export const documentFragmentName = 'prosemirror'
