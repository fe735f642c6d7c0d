import type { Logger } from 'pino'
import { parseRequest, type RequestChannel, type ResponsePayloads, type ValidRequestPayload } from '../../app/ipc'
import { senderProblem, type IpcSender } from './ipc-sender'

/** One handler per request channel; receives the validated payload and the sender's window id. */
export type RequestHandlers = {
  [C in RequestChannel]: (payload: ValidRequestPayload<C>, windowId: number) => Promise<ResponsePayloads[C]> | ResponsePayloads[C]
}

/** A message refused at the door: wrong sender, or a payload that does not match its channel. */
export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError'
}

/**
 * The door of every IPC request: checks the sender frame, then validates the payload against the
 * channel's schema, and only then calls the handler. Refusals are logged with their reason and
 * rejected to the caller with the same reason.
 */
export class IpcDispatcher {
  constructor(
    private readonly handlers: RequestHandlers,
    private readonly ourWebContents: ReadonlySet<number>,
    private readonly logger: Logger
  ) {}

  async dispatch<C extends RequestChannel>(channel: C, sender: IpcSender & { readonly windowId: number }, payload: unknown): Promise<ResponsePayloads[C]> {
    const problem = senderProblem(sender, this.ourWebContents)
    if (problem !== null) {
      this.logger.warn({ channel, webContents: sender.webContentsId }, `IPC refused: ${problem}`)
      throw new IpcRefusedError(`${channel} refused: ${problem}`)
    }
    let valid: ValidRequestPayload<C>
    try {
      valid = parseRequest(channel, payload)
    } catch (error) {
      this.logger.warn({ channel, webContents: sender.webContentsId }, `IPC refused: ${(error as Error).message}`)
      throw new IpcRefusedError((error as Error).message)
    }
    const handler = this.handlers[channel] as (payload: ValidRequestPayload<C>, windowId: number) => Promise<ResponsePayloads[C]> | ResponsePayloads[C]
    return handler(valid, sender.windowId)
  }
}
