/**
 * Draws the app icon (three overlapping circles: an ensemble) as PNG files in build/:
 * `icon.png` (1024 px, electron-builder derives the .icns and .ico from it) and `tray.png`; and
 * the web client's `renderer/public/favicon.ico` (16, 32 and 48 px), which the build copies to
 * `dist/web`, so that the relay serves it at `/favicon.ico`.
 * Run it after changing the design: `npx tsx tools/make-icons.ts`.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

type Rgba = [number, number, number, number]

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (bytes: Buffer): number => {
  let c = 0xffffffff
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

const encodePng = (size: number, pixel: (x: number, y: number) => Rgba): Buffer => {
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

/** Coverage of a shape at a pixel, from 4×4 supersampling, for smooth edges. */
const coverage = (x: number, y: number, inside: (u: number, v: number) => boolean): number => {
  let hits = 0
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) hits++
  return hits / 16
}

const over = (below: Rgba, color: [number, number, number], alpha: number): Rgba => {
  const a = alpha + (below[3] / 255) * (1 - alpha)
  if (a === 0) return [0, 0, 0, 0]
  const mix = (index: 0 | 1 | 2): number => Math.round((color[index] * alpha + below[index] * (below[3] / 255) * (1 - alpha)) / a)
  return [mix(0), mix(1), mix(2), Math.round(a * 255)]
}

const drawIcon = (size: number, background: boolean) => (x: number, y: number): Rgba => {
  const s = size
  let pixel: Rgba = [0, 0, 0, 0]
  if (background) {
    const radius = s * 0.22
    const inset = s * 0.06
    const roundedSquare = (u: number, v: number): boolean => {
      const cx = Math.min(Math.max(u, inset + radius), s - inset - radius)
      const cy = Math.min(Math.max(v, inset + radius), s - inset - radius)
      return (u - cx) ** 2 + (v - cy) ** 2 <= radius ** 2
    }
    pixel = over(pixel, [250, 248, 243], coverage(x, y, roundedSquare))
  }
  const circles: Array<[number, number, [number, number, number]]> = [
    [0.38, 0.4, [37, 99, 235]],
    [0.62, 0.4, [220, 38, 38]],
    [0.5, 0.62, [22, 163, 74]]
  ]
  for (const [cx, cy, color] of circles) {
    const r = s * (background ? 0.2 : 0.27)
    const scale = background ? 1 : 1.12
    const centreX = s / 2 + (cx - 0.5) * s * scale
    const centreY = s / 2 + (cy - 0.51) * s * scale
    pixel = over(pixel, color, 0.78 * coverage(x, y, (u, v) => (u - centreX) ** 2 + (v - centreY) ** 2 <= r ** 2))
  }
  return pixel
}

/** An ICO file holding PNG images (every browser and Windows since Vista read PNG entries). */
const encodeIco = (images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer => {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = 6 + 16 * images.length
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16)
    entry.writeUInt8(size >= 256 ? 0 : size, 0)
    entry.writeUInt8(size >= 256 ? 0 : size, 1)
    entry.writeUInt16LE(1, 4)
    entry.writeUInt16LE(32, 6)
    entry.writeUInt32LE(png.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += png.length
    return entry
  })
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)])
}

const out = (name: string): string => fileURLToPath(new URL(`../build/${name}`, import.meta.url))
writeFileSync(out('icon.png'), encodePng(1024, drawIcon(1024, true)))
writeFileSync(out('tray.png'), encodePng(32, drawIcon(32, false)))
writeFileSync(out('tray@2x.png'), encodePng(64, drawIcon(64, false)))
const favicon = encodeIco([16, 32, 48].map((size) => ({ size, png: encodePng(size, drawIcon(size, true)) })))
writeFileSync(fileURLToPath(new URL('../renderer/public/favicon.ico', import.meta.url)), favicon)
console.log('wrote build/icon.png, build/tray.png, build/tray@2x.png, renderer/public/favicon.ico')
