export * from './alignment'
export * from './marks'
export * from './palette'
