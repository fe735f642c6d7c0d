import { baseKeymap, chainCommands, exitCode } from 'prosemirror-commands'
import { undoInputRule } from 'prosemirror-inputrules'
import { keymap } from 'prosemirror-keymap'
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list'
import type { Command, Plugin } from 'prosemirror-state'
import { redoCommand, undoCommand } from 'y-prosemirror'
import {
  exitCodeBlockDown,
  exitCodeBlockOnTripleEnter,
  insertHardBreak,
  nodes,
  setCodeBlock,
  setHeading,
  setParagraph,
  toggleBlockquote,
  toggleBold,
  toggleInlineCode,
  toggleItalic,
  toggleList,
  toggleStrike,
  toggleUnderline
} from './commands'
import { openLinkEditor } from './link-editor'
import { formattingShortcuts } from './formatting'
import { documentEdgeShortcuts } from './document-edges'

/**
 * The editor's keyboard shortcuts (`Mod` is Cmd on macOS, Ctrl elsewhere). README.md lists them;
 * keep the two in step. Undo and redo go through y-prosemirror's UndoManager, which only tracks
 * this user's own changes.
 */
export const shortcuts: Record<string, Command> = {
  'Mod-z': undoCommand,
  'Shift-Mod-z': redoCommand,
  'Mod-y': redoCommand,
  'Mod-b': toggleBold,
  'Mod-i': toggleItalic,
  'Mod-u': toggleUnderline,
  'Shift-Mod-s': toggleStrike,
  'Shift-Mod-x': toggleStrike,
  'Mod-e': toggleInlineCode,
  'Mod-`': toggleInlineCode,
  'Mod-k': openLinkEditor,
  'Mod-Alt-0': setParagraph,
  'Mod-Alt-1': setHeading(1),
  'Mod-Alt-2': setHeading(2),
  'Mod-Alt-3': setHeading(3),
  'Mod-Alt-c': setCodeBlock,
  'Shift-Mod-7': toggleList(nodes.ordered_list),
  'Shift-Mod-8': toggleList(nodes.bullet_list),
  'Shift-Mod-9': toggleList(nodes.task_list),
  'Shift-Mod-b': toggleBlockquote,
  'Shift-Enter': chainCommands(exitCode, insertHardBreak),
  'Mod-Enter': chainCommands(exitCode, insertHardBreak),
  Enter: chainCommands(exitCodeBlockOnTripleEnter, splitListItem(nodes.list_item), splitListItem(nodes.task_item)),
  ArrowDown: exitCodeBlockDown,
  Tab: chainCommands(sinkListItem(nodes.list_item), sinkListItem(nodes.task_item)),
  'Shift-Tab': chainCommands(liftListItem(nodes.list_item), liftListItem(nodes.task_item)),
  'Mod-]': chainCommands(sinkListItem(nodes.list_item), sinkListItem(nodes.task_item)),
  'Mod-[': chainCommands(liftListItem(nodes.list_item), liftListItem(nodes.task_item)),
  Backspace: undoInputRule,
  // Alignment (./formatting/).
  ...formattingShortcuts,
  ...documentEdgeShortcuts
}

/** The editor's keymaps: its own shortcuts first, then ProseMirror's base keymap. */
export const editorKeymaps = (): Plugin[] => [keymap(shortcuts), keymap(baseKeymap)]
