import { describe, expect, it } from 'vitest'
import { contentTypeOf } from './web-content-types'

describe('contentTypeOf', () => {
  it('names the type of each kind of file the web build holds', () => {
    expect(contentTypeOf('.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeOf('.js')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeOf('.wasm')).toBe('application/wasm')
  })

  it('serves an unknown or missing extension as plain bytes', () => {
    expect(contentTypeOf('.exe')).toBe('application/octet-stream')
    expect(contentTypeOf('')).toBe('application/octet-stream')
    expect(contentTypeOf('.JS')).toBe('application/octet-stream')
  })
})
