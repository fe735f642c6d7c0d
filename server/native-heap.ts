import { createRequire } from 'node:module'

/** glibc's `int malloc_trim(size_t pad)`: 1 if it gave memory back to the operating system, else 0. */
type MallocTrim = (pad: number) => number

let mallocTrim: MallocTrim | null | undefined

/**
 * glibc's `malloc_trim`, called through koffi (a C FFI with prebuilt binaries). `null` where there
 * is no glibc (macOS, Windows, musl) or koffi cannot load.
 */
const loadMallocTrim = (): MallocTrim | null => {
  if (mallocTrim !== undefined) return mallocTrim
  mallocTrim = null
  if (process.platform !== 'linux') return mallocTrim
  try {
    const koffi = createRequire(import.meta.url)('koffi') as typeof import('koffi')
    mallocTrim = koffi.load('libc.so.6').func('int malloc_trim(size_t pad)') as MallocTrim
  } catch {
    // musl has no libc.so.6 and no malloc_trim; without it the relay only keeps more memory.
  }
  return mallocTrim
}

/**
 * Gives the C heap's free pages back to the operating system. Sockets, frames and documents are
 * ArrayBuffers whose memory comes from malloc; after a load, glibc keeps the freed chunks (it only
 * returns the top of its heap, and one live chunk above the garbage pins everything below). Returns
 * whether memory was released, or `null` where `malloc_trim` is not available.
 */
export const trimNativeHeap = (): boolean | null => {
  const trim = loadMallocTrim()
  return trim === null ? null : trim(0) === 1
}
