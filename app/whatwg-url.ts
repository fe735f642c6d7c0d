/**
 * The WHATWG `URL` class, which every place `app/` runs in (browsers, Node, Electron) provides.
 * `app/` compiles without DOM or Node typings, so the part of the API we use is declared here.
 */
export interface WhatwgUrl {
  readonly protocol: string
  readonly hostname: string
  readonly host: string
  readonly port: string
  readonly pathname: string
  readonly search: string
  readonly hash: string
  readonly username: string
  readonly password: string
  readonly origin: string
  readonly searchParams: {
    get(name: string): string | null
    has(name: string): boolean
    set(name: string, value: string): void
  }
  toString(): string
}

interface WhatwgUrlConstructor {
  new (input: string, base?: string): WhatwgUrl
}

const UrlClass = (globalThis as unknown as { URL: WhatwgUrlConstructor }).URL

/** Parses `input` as a URL, or returns `null` when it is not one. */
export const parseUrl = (input: string, base?: string): WhatwgUrl | null => {
  try {
    return new UrlClass(input, base)
  } catch {
    return null
  }
}
