import { describe, expect, it } from 'vitest'
import { distinctColor, maxDisplayNameLength, profileColors, profileProblem } from './profile'
import { awarenessUserOf, initialsOf } from './presence'

describe('profileProblem', () => {
  it('accepts a name and a palette colour', () => {
    expect(profileProblem({ name: 'Ada', color: profileColors[0] })).toBeNull()
  })
  it.each([
    [{ name: '  ', color: '#112233' }, /display name is empty/],
    [{ name: 'x'.repeat(maxDisplayNameLength + 1), color: '#112233' }, /limit is 64/],
    [{ name: 'Ada', color: 'red' }, /"red" is not of the form #rrggbb/]
  ])('rejects %j', (profile, reason) => {
    expect(profileProblem(profile)).toMatch(reason)
  })
})

describe('presence helpers', () => {
  it.each([
    ['Ada Lovelace', 'AL'],
    ['grace', 'G'],
    ['  élodie  marie curie ', 'ÉM'],
    ['', '?']
  ])('initials of %j are %j', (name, initials) => {
    expect(initialsOf(name)).toBe(initials)
  })

  it('reads a peer user field and refuses malformed ones', () => {
    expect(awarenessUserOf({ user: { name: 'Ada', color: '#112233', status: 'idle' } })).toEqual({
      name: 'Ada',
      color: '#112233',
      status: 'idle'
    })
    expect(awarenessUserOf({ user: { name: 'Ada', color: '#112233', status: 'bogus' } })?.status).toBe('active')
    expect(awarenessUserOf({ user: { name: 42 } })).toBeNull()
    expect(awarenessUserOf({})).toBeNull()
  })
})

describe('distinctColor', () => {
  it('keeps the preferred colour when nobody has it, else takes the first palette colour nobody has', () => {
    expect(distinctColor('#1b998b', ['#d7263d'])).toBe('#1b998b')
    expect(distinctColor('#d7263d', ['#D7263D'])).toBe('#1b998b')
    expect(distinctColor('#d7263d', ['#d7263d', '#1b998b'])).toBe('#3d5a80')
  })

  it('keeps the preferred colour when every palette colour is taken', () => {
    expect(distinctColor('#d7263d', profileColors)).toBe('#d7263d')
  })
})
