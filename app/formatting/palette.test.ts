import { describe, expect, it } from 'vitest'
import { highlightColors, highlightFromCss, parseCssColor, textColorFromCss, textColors } from './palette'

describe('parseCssColor', () => {
  it('reads hex, rgb(), rgba() and keywords; transparency is no colour', () => {
    expect(parseCssColor('#F00')).toEqual([255, 0, 0])
    expect(parseCssColor('#1a62c9')).toEqual([26, 98, 201])
    expect(parseCssColor('rgb(26, 98, 201)')).toEqual([26, 98, 201])
    expect(parseCssColor('rgb(26 98 201 / 50%)')).toEqual([26, 98, 201])
    expect(parseCssColor('Yellow')).toEqual([255, 255, 0])
    expect(parseCssColor('rgba(0, 0, 0, 0)')).toBeNull()
    expect(parseCssColor('#ffffff00')).toBeNull()
    expect(parseCssColor('transparent')).toBeNull()
    expect(parseCssColor('url(javascript:alert(1))')).toBeNull()
  })
})

describe('colours from pasted HTML', () => {
  it('keeps every palette colour as itself', () => {
    for (const color of textColors) expect(textColorFromCss(color.css)).toBe(color.name)
    for (const color of highlightColors) expect(highlightFromCss(color.css)).toBe(color.name)
  })

  it('brings other colours to the nearest palette colour', () => {
    expect(textColorFromCss('#ff0000')).toBe('red')
    expect(textColorFromCss('rgb(0, 0, 255)')).toBe('blue')
    expect(textColorFromCss('#38761d')).toBe('green')
    expect(highlightFromCss('#ffff00')).toBe('yellow')
    expect(highlightFromCss('#ffc0cb')).toBe('pink')
  })

  it('treats the default look as no colour: black and white text, white and transparent backgrounds', () => {
    expect(textColorFromCss('#000000')).toBeNull()
    expect(textColorFromCss('rgb(34, 34, 34)')).toBeNull()
    expect(textColorFromCss('#ffffff')).toBeNull()
    expect(highlightFromCss('#ffffff')).toBeNull()
    expect(highlightFromCss('transparent')).toBeNull()
  })
})
