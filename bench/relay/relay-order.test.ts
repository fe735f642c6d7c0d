import { describe, expect, it } from 'vitest'
import { relayOrderForTurn } from './relay-order'

describe('relayOrderForTurn', () => {
  it('lets each relay go first once in as many turns as there are relays', () => {
    const relays = ['ours', 'reference', 'reference-leveldb'] as const
    expect([0, 1, 2, 3].map((turn) => relayOrderForTurn(relays, turn))).toEqual([
      ['ours', 'reference', 'reference-leveldb'],
      ['reference', 'reference-leveldb', 'ours'],
      ['reference-leveldb', 'ours', 'reference'],
      ['ours', 'reference', 'reference-leveldb']
    ])
  })

  it('alternates two relays and leaves one alone', () => {
    expect(relayOrderForTurn(['ours', 'reference'], 1)).toEqual(['reference', 'ours'])
    expect(relayOrderForTurn(['ours'], 1)).toEqual(['ours'])
  })
})
