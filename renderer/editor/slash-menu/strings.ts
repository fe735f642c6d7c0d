/**
 * Every word of the slash menu: the listbox's name and each block type's label and keywords
 * (other words it is found by). A translation replaces labels and adds its own keywords; the
 * matching (`../suggest/matching.ts`) already finds Chinese and Japanese words from any character.
 */
export const slashMenuStrings = {
  menu: 'Block types',
  paragraph: { label: 'Text', keywords: ['paragraph', 'plain', 'p'] },
  heading1: { label: 'Heading 1', keywords: ['h1', 'title', 'big'] },
  heading2: { label: 'Heading 2', keywords: ['h2', 'subtitle', 'medium'] },
  heading3: { label: 'Heading 3', keywords: ['h3', 'small'] },
  bulletList: { label: 'Bulleted list', keywords: ['ul', 'unordered', 'bullet', 'list'] },
  orderedList: { label: 'Numbered list', keywords: ['ol', 'ordered', 'number', 'list'] },
  taskList: { label: 'Task list', keywords: ['todo', 'to-do', 'checkbox', 'check', 'list'] },
  blockquote: { label: 'Quote', keywords: ['blockquote', 'citation'] },
  codeBlock: { label: 'Code block', keywords: ['code', 'pre', 'snippet'] },
  divider: { label: 'Divider', keywords: ['horizontal rule', 'hr', 'line', 'separator', '---'] },
  image: { label: 'Image', keywords: ['picture', 'photo', 'img'] },
  mention: { label: 'Mention', keywords: ['@', 'person', 'people', 'document', 'link'] },
  emoji: { label: 'Emoji', keywords: ['smiley', 'emoticon'] }
} as const
