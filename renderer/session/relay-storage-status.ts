import { ObservableV2 } from 'lib0/observable'
import type { WebsocketProvider } from 'y-websocket'
import { messageStorageStatus } from '../../app/protocol'
import { readStorageStatus, type StorageStatus } from '../../app/storage-status'

/**
 * Whether the relay is storing this document's edits, as it says over the connection
 * (`messageStorageStatus`). The relay speaks only while it is not storing them, and once when it
 * stores them again, so every new connection starts as stored and hears otherwise at once.
 */
export class RelayStorageStatus extends ObservableV2<{ change: (status: StorageStatus) => void }> {
  private current: StorageStatus = { stored: true }

  constructor(private readonly provider: WebsocketProvider) {
    super()
    provider.messageHandlers[messageStorageStatus] = (_encoder, decoder) => {
      try {
        this.set(readStorageStatus(decoder))
      } catch (error) {
        console.error('Ensemble: ignored a malformed storage status from the relay', error)
      }
    }
    provider.on('status', this.onConnectionStatus)
  }

  get status(): StorageStatus {
    return this.current
  }

  override destroy(): void {
    this.provider.off('status', this.onConnectionStatus)
    delete this.provider.messageHandlers[messageStorageStatus]
    super.destroy()
  }

  private readonly onConnectionStatus = ({ status }: { status: string }): void => {
    if (status === 'connected') this.set({ stored: true })
  }

  private set(status: StorageStatus): void {
    const same = status.stored === this.current.stored && (status.stored || status.reason === (this.current as { reason?: string }).reason)
    this.current = status
    if (!same) this.emit('change', [status])
  }
}
