import { describe, expect, it } from 'vitest'
import { distinctName, namesakeNumbers } from './presence'

describe('namesakeNumbers', () => {
  it('numbers people who share a name by client id, and nobody else', () => {
    const numbers = namesakeNumbers([
      { name: 'Sam Lee', clientId: 30 },
      { name: 'Ana Lima', clientId: 5 },
      { name: 'Sam Lee', clientId: 12 },
      { name: 'Sam Lee', clientId: 99 }
    ])
    expect([...numbers].sort(([a], [b]) => a - b)).toEqual([
      [12, 1],
      [30, 2],
      [99, 3]
    ])
    expect(distinctName('Sam Lee', numbers.get(30))).toBe('Sam Lee (2)')
    expect(distinctName('Ana Lima', numbers.get(5))).toBe('Ana Lima')
  })
})
