/**
 * The V8 settings the relay runs with wherever it runs: `npm run relay` (package.json's script,
 * checked against this list by `tools/relay.test.ts`), the desktop app's relay process
 * (main/relay-host) and the benchmark. They must be on the `node` command line: V8 sizes its heap
 * when the process starts.
 *
 * `--max-semi-space-size=32`: a young generation of 2 × 32 MiB instead of V8's 16. Forwarding
 * allocates short-lived frames and Yjs structs for every update; the larger nursery halves the
 * scavenges that pause forwarding (Load A: 70 → 38 pauses and 180 → 100 ms of GC per 15 s, writer-
 * to-probe p99 against the reference 1.61 → 1.07; bench/README.md). It only grows under load:
 * idle RSS is unchanged.
 */
export const relayNodeFlags: readonly string[] = ['--max-semi-space-size=32']
