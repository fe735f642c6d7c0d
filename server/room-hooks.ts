import type { Logger } from 'pino'
import type { PrivateMessage } from '../app/private-message'
import type { RelayExtension, RoomHandle } from './extension'
import type { RelayMetrics } from './metrics'

/** The room-level hooks of every extension, as rooms and the room registry call them. */
export interface RoomHooks {
  /** Runs every `onLoadDocument` in order; rejects with the first failure, naming the extension. */
  load(room: RoomHandle): Promise<void>
  change(room: RoomHandle, update: Uint8Array): void
  awareness(room: RoomHandle, update: Uint8Array): void
  unload(room: RoomHandle): void
  /** Offers a private message for a recipient elsewhere to every `onPrivateMessage`; true when one passed it on. */
  privateMessage(room: RoomHandle, message: PrivateMessage): boolean
}

/** Hooks that do nothing, for rooms without extensions. */
export const noRoomHooks: RoomHooks = {
  load: async () => {},
  change: () => {},
  awareness: () => {},
  unload: () => {},
  privateMessage: () => false
}

/**
 * Binds the room-level hooks of `extensions` (already in priority order). A notification hook that
 * throws is logged with the extension's name and counted; it never stops the update it reports on.
 */
export const createRoomHooks = (
  extensions: readonly RelayExtension[],
  metrics: RelayMetrics,
  logger: Logger
): RoomHooks => {
  const notify = <K extends 'onChange' | 'onAwarenessUpdate' | 'onUnloadDocument' | 'onPrivateMessage'>(
    hook: K,
    call: (extension: RelayExtension) => void
  ): void => {
    for (const extension of extensions) {
      if (extension[hook] === undefined) continue
      try {
        call(extension)
      } catch (error) {
        metrics.countError('extension')
        logger.error({ err: error, extension: extension.name, hook }, `extension ${extension.name} failed in ${hook}`)
      }
    }
  }
  return {
    load: async (room) => {
      for (const extension of extensions) {
        if (extension.onLoadDocument === undefined) continue
        try {
          await extension.onLoadDocument(room)
        } catch (error) {
          metrics.countError('extension')
          throw new Error(`extension ${extension.name} failed in onLoadDocument for "${room.name}"`, { cause: error })
        }
      }
    },
    change: (room, update) => notify('onChange', (extension) => extension.onChange?.(room, update)),
    awareness: (room, update) => notify('onAwarenessUpdate', (extension) => extension.onAwarenessUpdate?.(room, update)),
    unload: (room) => notify('onUnloadDocument', (extension) => extension.onUnloadDocument?.(room)),
    privateMessage: (room, message) => {
      let passedOn = false
      notify('onPrivateMessage', (extension) => {
        passedOn = extension.onPrivateMessage?.(room, message) === true || passedOn
      })
      return passedOn
    }
  }
}
