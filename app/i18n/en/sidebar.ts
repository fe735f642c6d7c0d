/** The documents sidebar: the relay's documents, searched by title. */
export const sidebarEn = {
  'sidebar.label': 'Documents',
  'sidebar.search': 'Search documents by title',
  'sidebar.searchPlaceholder': 'Search by title',
  'sidebar.newDocument': 'New document',
  'sidebar.refresh': 'Refresh the list',
  'sidebar.loading': 'Loading the documents…',
  'sidebar.empty': 'No documents here yet.',
  'sidebar.noMatch': 'No document matches “{{query}}”.',
  'sidebar.problem': 'The documents could not be listed: {{reason}}.',
  'sidebar.truncated': 'Only the first {{count}} documents are listed.',
  'sidebar.results_one': '{{count}} document',
  'sidebar.results_other': '{{count}} documents',
  'sidebar.show': 'Show the documents',
  'sidebar.hide': 'Hide the documents'
} as const
