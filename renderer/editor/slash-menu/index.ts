export * from './block-types'
export * from './slash-menu'
export { slashMenuStrings } from './strings'
