export * from './review'
export * from './suggesting-plugin'
export * from './transform'
