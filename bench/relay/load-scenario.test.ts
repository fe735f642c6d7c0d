import { describe, expect, it } from 'vitest'
import { planDocuments } from './load-scenario'

describe('planDocuments', () => {
  it('spreads documents round-robin and leaves out idle workers', () => {
    const spec = { documents: 3, listenersPerDocument: 4, updatesPerSecondPerDocument: 1, seconds: 1, warmupSeconds: 0, idleSeconds: 0 }
    expect(planDocuments(spec, 'doc', 2)).toEqual([
      [{ name: 'doc-0', listeners: 4 }, { name: 'doc-2', listeners: 4 }],
      [{ name: 'doc-1', listeners: 4 }]
    ])
    expect(planDocuments(spec, 'doc', 5)).toHaveLength(3)
  })
})
