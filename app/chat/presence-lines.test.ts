import { describe, expect, it } from 'vitest'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { othersIn, PresenceLines } from './presence-lines'

const ana = { name: 'Ana', color: '#d7263d' }
const ben = { name: 'Ben', color: '#1b998b' }
const cleo = { name: 'Cleo', color: '#3d5a80' }

describe('PresenceLines', () => {
  it('reports joins and leaves after the baseline, by name, never for the people already there', () => {
    const lines = new PresenceLines()
    expect(lines.observe([ana], 0)).toEqual([])
    lines.resume([ana])
    expect(lines.observe([ana], 1)).toEqual([])
    expect(lines.observe([ana, ben], 2)).toEqual([{ kind: 'joined', person: ben, at: 2 }])
    // Ben opens a second tab: still one Ben, no line.
    expect(lines.observe([ana, ben, ben], 3)).toEqual([])
    expect(lines.observe([ben], 4)).toEqual([{ kind: 'left', person: ana, at: 4 }])
  })

  it('starts over after a lost connection, so the reconnection does not announce everyone', () => {
    const lines = new PresenceLines()
    lines.resume([ana, ben])
    lines.pause()
    expect(lines.paused).toBe(true)
    expect(lines.observe([], 2)).toEqual([])
    expect(lines.observe([ana, ben], 3)).toEqual([])
    lines.resume([ana, ben])
    expect(lines.observe([ana, ben, cleo], 4)).toEqual([{ kind: 'joined', person: cleo, at: 4 }])
  })

  it('reads the people from real awareness states, without this client and without malformed states', () => {
    const mine = new Awareness(new Y.Doc())
    const theirs = new Awareness(new Y.Doc())
    const stranger = new Awareness(new Y.Doc())
    mine.setLocalStateField('user', { ...ana, status: 'active' })
    theirs.setLocalStateField('user', { ...ben, status: 'idle' })
    stranger.setLocalStateField('user', { name: 42 })
    const lines = new PresenceLines()
    lines.resume(othersIn(mine.getStates(), mine.clientID))
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'relay')
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(stranger, [stranger.clientID]), 'relay')
    expect(othersIn(mine.getStates(), mine.clientID)).toEqual([ben])
    expect(lines.observe(othersIn(mine.getStates(), mine.clientID), 2)).toEqual([{ kind: 'joined', person: ben, at: 2 }])
    removeAwarenessStates(mine, [theirs.clientID], 'relay')
    expect(lines.observe(othersIn(mine.getStates(), mine.clientID), 3)).toEqual([{ kind: 'left', person: ben, at: 3 }])
    for (const awareness of [mine, theirs, stranger]) awareness.destroy()
  })
})
