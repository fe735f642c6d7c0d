export * from './commands'
export * from './controls'
export { formattingStrings } from './strings'
