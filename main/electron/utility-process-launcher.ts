import { MessageChannelMain, utilityProcess } from 'electron'
import type { RelayCommand } from '../relay-process/protocol'
import type { RelayChildProcess, UtilityProcessLauncher } from '../relay-host/launcher'
import { relayProcessEnvironment } from '../relay-host/relay-environment'
import { relayNodeFlags } from '../../server/node-flags'

/**
 * Runs the relay process in an Electron `utilityProcess` and talks to it over a
 * `MessageChannelMain`: the first message hands the child its end of the channel, and every
 * command and status travels on it (the contract of `relay-process/protocol.ts`).
 */
export class ElectronUtilityProcessLauncher implements UtilityProcessLauncher {
  constructor(private readonly entry: string) {}

  launch(): RelayChildProcess {
    const child = utilityProcess.fork(this.entry, [], {
      serviceName: 'Ensemble relay',
      stdio: 'inherit',
      execArgv: [...relayNodeFlags],
      env: relayProcessEnvironment(process.env)
    })
    const { port1, port2 } = new MessageChannelMain()
    child.postMessage({ type: 'connect' }, [port2])
    port1.start()
    return {
      get pid() {
        return child.pid
      },
      postMessage: (command: RelayCommand) => port1.postMessage(command),
      onMessage: (listener) => port1.on('message', (event) => listener(event.data)),
      onExit: (listener) =>
        child.once('exit', (code) => {
          port1.close()
          listener(code)
        }),
      kill: () => {
        child.kill()
      }
    }
  }
}
