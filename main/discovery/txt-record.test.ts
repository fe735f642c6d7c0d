import { describe, expect, it } from 'vitest'
import { decodeTxtRecord, encodeTxtRecord, instanceName } from './txt-record'

describe('the session TXT record', () => {
  it('round-trips a session advertisement as short string keys', () => {
    const ad = { sessionName: 'Design review', hostName: 'ana-laptop', documentCount: 3 }
    const txt = encodeTxtRecord(ad)
    expect(txt).toEqual({ v: '1', name: 'Design review', host: 'ana-laptop', docs: '3' })
    expect(decodeTxtRecord(txt)).toEqual(ad)
    // bonjour-service hands binary values over as buffers when asked to.
    expect(decodeTxtRecord({ v: Buffer.from('1'), name: Buffer.from('Été'), host: 'h', docs: '0' })).toEqual({
      sessionName: 'Été',
      hostName: 'h',
      documentCount: 0
    })
  })

  it('carries the LAN listener\'s certificate fingerprint, and refuses a malformed one', () => {
    const fingerprint = `sha256/${'Q'.repeat(43)}=`
    const ad = { sessionName: 'Review', hostName: 'ana', documentCount: 1, fingerprint }
    expect(encodeTxtRecord(ad)).toMatchObject({ fp: fingerprint })
    expect(decodeTxtRecord(encodeTxtRecord(ad))).toEqual(ad)
    expect(decodeTxtRecord({ ...encodeTxtRecord(ad), fp: 'sha256/short' })).toBeNull()
  })

  it.each([
    [null],
    ['v=1'],
    [{ v: '2', name: 'x', host: 'h', docs: '1' }],
    [{ v: '1', host: 'h', docs: '1' }],
    [{ v: '1', name: '  ', host: 'h', docs: '1' }],
    [{ v: '1', name: 'x', host: 'h', docs: '-1' }],
    [{ v: '1', name: 'x', host: 'h', docs: '1e9' }]
  ])('ignores the foreign or broken record %j', (txt) => {
    expect(decodeTxtRecord(txt)).toBeNull()
  })

  it('keeps instance names within the 63-byte DNS label limit without splitting a character', () => {
    expect(instanceName({ sessionName: 'Notes', hostName: 'ana' })).toBe('Notes on ana')
    const long = instanceName({ sessionName: 'é'.repeat(40), hostName: 'host' })
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(63)
    expect(long).toBe('é'.repeat(31))
  })
})
