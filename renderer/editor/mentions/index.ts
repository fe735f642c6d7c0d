export * from './mention-plugin'
export { mentionStrings } from './strings'
