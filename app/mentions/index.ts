export * from './mention-node'
