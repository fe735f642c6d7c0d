export * from './emoji-plugin'
export * from './emoji-search'
