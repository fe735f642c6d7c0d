import { t } from '../../../app/i18n/translate'
import type { MessageKey } from '../../../app/i18n/messages'

/** A block type's label and keywords (other words it is found by). */
export interface BlockTypeWords {
  readonly label: string
  readonly keywords: readonly string[]
}

type BlockType =
  | 'paragraph'
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'bulletList'
  | 'orderedList'
  | 'taskList'
  | 'blockquote'
  | 'codeBlock'
  | 'divider'
  | 'image'
  | 'mention'
  | 'emoji'

/**
 * Every word of the slash menu: the listbox's name and each block type's label and keywords, from
 * the catalogue's `slash.TYPE` and `slash.TYPE.keywords` (comma-separated; a translation lists its
 * own words and keeps the English ones). The matching (`../suggest/matching.ts`) finds Chinese and
 * Japanese words from any character.
 */
export const slashMenuStrings = {
  get menu(): string {
    return t('slash.menu')
  },
  words: (type: BlockType): BlockTypeWords => ({
    label: t(`slash.${type}`),
    keywords: t(`slash.${type}.keywords` satisfies MessageKey)
      .split(',')
      .map((word) => word.trim())
      .filter((word) => word !== '')
  })
}
