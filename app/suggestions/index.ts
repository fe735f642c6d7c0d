export * from './accepted'
export * from './list'
export * from './marks'
