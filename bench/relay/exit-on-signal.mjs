// Preloaded into the reference relay only when profiling: server.js has no SIGTERM handler, and
// `node --cpu-prof` writes its profile only when the process exits normally.
import process from 'node:process'

process.once('SIGTERM', () => process.exit(0))
process.once('SIGINT', () => process.exit(0))
