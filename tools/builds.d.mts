/** Types of `builds.mjs` (plain JavaScript so that it runs before anything is compiled). */
export declare const repoRoot: string
export declare const relayBundleDir: string
export declare const relayCliBundle: string
export declare const relayProcessBundle: string
export declare const relayBundleIsStale: () => boolean
export declare const buildRelayBundle: (outdir?: string) => Promise<number>
export declare const ensureRelayBundle: () => Promise<string | null>
export declare const webClientIndex: string
export declare const webClientIsStale: () => boolean
export declare const ensureWebClient: () => Promise<string | null>
