export * from './commands'
export * from './plugins'
export * from './table-menu'
