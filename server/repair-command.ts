import { parseArgs } from 'node:util'
import { relayFlags, UsageError } from './cli-options'
import { describeRepair, repairLevelStore } from './storage/leveldb-repair'

export const repairHelpText = (): string =>
  [
    'Usage: npm run relay -- repair --data PATH',
    '',
    'Recovers what can be read of a damaged LevelDB document store (the relay refuses to open one and',
    'names this command). It first copies the store, as it is, to PATH.damaged-TIME; then LevelDB',
    'replays its logs keeping every whole record, or rebuilds the store when even that fails.',
    'Stop every relay using PATH first; the command refuses while one holds it.',
    '',
    `  --data PATH     the relay's --data folder (or ${relayFlags.data.env})`
  ].join('\n')

/** Reads the `repair` subcommand's flags (everything after `repair`): the folder, or `null` for --help. */
export const parseRepairCommandLine = (argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string | null => {
  let values: { data?: string; help?: boolean }
  try {
    values = parseArgs({
      args: [...argv],
      options: { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false
    }).values
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}. Run repair --help to see the flags.`)
  }
  if (values.help === true) return null
  const data = values.data ?? env[relayFlags.data.env]
  if (data === undefined || data === '' || data === ':memory:') {
    throw new UsageError(`repair needs the store's folder: --data PATH (or ${relayFlags.data.env})`)
  }
  return data
}

/** Repairs the store in `directory` and returns the report to print. */
export const runRepairCommand = async (directory: string): Promise<string> => describeRepair(await repairLevelStore(directory))
