import type { Logger } from 'pino'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { createDocumentDoc } from '../app/document'
import { CloseCode } from '../app/protocol'
import type { ConnectionContext, RoomHandle } from './extension'
import {
  checkAwarenessUpdate,
  checkUpdate,
  encodeAwareness,
  encodeAwarenessFrame,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isEmptyUpdate,
  type ClientMessage
} from './messages'
import type { RelayMetrics } from './metrics'
import type { RoomHooks } from './room-hooks'
import type { DocumentStorage } from './storage/document-storage'
import { appendWhatStorageLacks } from './storage/reconcile'

/** What a room needs of a connection. */
export interface RoomMember {
  readonly context: ConnectionContext
  /** Queues a frame; never blocks. */
  send(frame: Uint8Array): void
  close(code: number, reason: string): void
}

export interface RoomServices {
  readonly storage: DocumentStorage
  readonly metrics: RelayMetrics
  readonly logger: Logger
  readonly hooks: RoomHooks
  /** Called when a Yjs update that decoded cleanly still failed to integrate; the room must be reloaded. */
  readonly onBroken: (room: Room) => void
  /** Called when the last member left. */
  readonly onEmpty: (room: Room) => void
}

/** Compact the stored log when a room unloads after at least this many appends. */
const compactAfterAppends = 100
const retryFailedWriteMs = 1000
/** Transaction origin of updates and awareness changes that another relay instance sent. */
const remoteOrigin = Symbol('remote relay instance')

/**
 * One document in memory: its Y.Doc, its awareness, and the connections editing it.
 * Updates are forwarded to the other members at once; storage appends are batched per event-loop
 * turn and never delay forwarding. Extensions see it as a `RoomHandle`.
 */
export class Room implements RoomHandle {
  /** Garbage collection off: a collecting relay would drop the deleted text that version history shows. */
  readonly doc = createDocumentDoc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  /** Resolves once the stored state is in `doc`; no member is attached before. */
  readonly loaded: Promise<void>
  /** Members and the awareness client ids each one controls. */
  private readonly members = new Map<RoomMember, Set<number>>()
  private readonly deniedWriters = new WeakSet<RoomMember>()
  private unwritten: Uint8Array[] = []
  private writing: Promise<void> = Promise.resolve()
  private writeScheduled = false
  private retryTimer: NodeJS.Timeout | undefined
  private appendsSinceLoad = 0
  /** Remote updates are stored by the instance that received them; this relay checks storage has them when it unloads. */
  private remoteUpdatesApplied = 0
  private broken = false
  private closed = false
  lastActiveAt = Date.now()

  constructor(
    readonly name: string,
    private readonly services: RoomServices,
    /** Resolves when a previous incarnation of this room has finished writing. */
    previousClose: Promise<void> = Promise.resolve()
  ) {
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.trackAwareness)
    this.loaded = previousClose.then(() => this.load())
  }

  get size(): number {
    return this.members.size
  }

  /** Adds a member and starts the sync: our state vector first, then everyone's awareness. */
  attach(member: RoomMember): void {
    this.members.set(member, new Set())
    this.lastActiveAt = Date.now()
    this.sendTo(member, encodeSyncStep1(this.doc), 'sync')
    const states = this.awareness.getStates()
    if (states.size > 0) this.sendTo(member, encodeAwareness(this.awareness, [...states.keys()]), 'awareness')
  }

  /** Removes a member, its awareness states, and tells the others. */
  detach(member: RoomMember): void {
    const controlled = this.members.get(member)
    if (controlled === undefined) return
    this.members.delete(member)
    this.lastActiveAt = Date.now()
    const present = [...controlled].filter((id) => this.awareness.states.has(id))
    if (present.length > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, present, member)
      const removal = awarenessProtocol.encodeAwarenessUpdate(this.awareness, present)
      this.broadcast(encodeAwarenessFrame(removal), 'awareness')
      this.services.hooks.awareness(this, removal)
    }
    if (this.members.size === 0 && !this.closed) this.services.onEmpty(this)
  }

  /** Handles a validated message from a member. */
  receive(member: RoomMember, message: ClientMessage): void {
    this.lastActiveAt = Date.now()
    switch (message.type) {
      case 'sync-step1':
        this.sendTo(member, encodeSyncStep2(this.doc, message.stateVector), 'sync')
        break
      case 'sync-step2':
        this.applyClientUpdate(member, message.update, undefined)
        break
      case 'update':
        this.applyClientUpdate(member, message.update, message.frame)
        break
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, member)
        this.broadcast(message.frame, 'awareness', member)
        this.services.hooks.awareness(this, message.update)
        break
      case 'query-awareness':
        this.sendTo(member, encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]), 'awareness')
        break
    }
  }

  applyRemoteUpdate(update: Uint8Array): void {
    checkUpdate(update)
    if (this.applyUpdateFromElsewhere(update)) this.remoteUpdatesApplied++
  }

  applyRemoteAwareness(update: Uint8Array): void {
    checkAwarenessUpdate(update)
    if (this.closed) return
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, remoteOrigin)
    this.broadcast(encodeAwarenessFrame(update), 'awareness')
  }

  async applyStoredState(): Promise<void> {
    const stored = await this.services.storage.load(this.name)
    if (stored !== null) this.applyUpdateFromElsewhere(stored)
  }

  encodeState(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc)
  }

  encodeLocalAwareness(): Uint8Array | null {
    const local = [...this.members.values()].flatMap((ids) => [...ids]).filter((id) => this.awareness.states.has(id))
    return local.length === 0 ? null : awarenessProtocol.encodeAwarenessUpdate(this.awareness, local)
  }

  /** Sends `frame` to every member except `except`. */
  broadcast(frame: Uint8Array, type: string, except?: RoomMember): void {
    let sent = 0
    for (const member of this.members.keys()) {
      if (member === except) continue
      member.send(frame)
      sent++
    }
    if (sent > 0) this.services.metrics.countSent(type, sent, frame.length)
  }

  private sendTo(member: RoomMember, frame: Uint8Array, type: string): void {
    member.send(frame)
    this.services.metrics.countSent(type, 1, frame.length)
  }

  /** Closes every member, writes what is unwritten, compacts a long log and frees the document. */
  async close(code: number, reason: string): Promise<void> {
    if (this.closed) return
    this.closed = true
    for (const member of [...this.members.keys()]) member.close(code, reason)
    this.members.clear()
    clearTimeout(this.retryTimer)
    try {
      await this.loaded
    } catch {
      // A room that never loaded has nothing to write.
      this.destroy()
      return
    }
    await this.writeUnwritten()
    if (this.unwritten.length > 0) {
      this.services.logger.error(
        { room: this.name, updates: this.unwritten.length },
        'room closed with updates that storage refused; they are lost from this relay unless a client resends them'
      )
    } else {
      if (this.remoteUpdatesApplied > 0 && !this.broken) await this.storeRemoteUpdatesStorageLacks()
      if (this.appendsSinceLoad >= compactAfterAppends) {
        await this.services.storage.compact(this.name).catch((error: unknown) => {
          this.services.logger.warn({ room: this.name, err: error }, 'compaction failed; the log stays as it is')
        })
      }
    }
    this.destroy()
  }

  private destroy(): void {
    this.awareness.off('update', this.trackAwareness)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private async load(): Promise<void> {
    const stored = await this.services.storage.load(this.name)
    if (stored !== null) Y.applyUpdate(this.doc, stored)
    await this.services.hooks.load(this)
  }

  /**
   * Applies an update that did not come from a member (another instance, or storage) and sends the
   * part that was new to every member. Returns whether anything was new.
   */
  private applyUpdateFromElsewhere(update: Uint8Array): boolean {
    if (this.closed || isEmptyUpdate(update)) return false
    const effect: { update?: Uint8Array } = {}
    const capture = (applied: Uint8Array): void => {
      effect.update = applied
    }
    this.doc.on('update', capture)
    try {
      Y.applyUpdate(this.doc, update, remoteOrigin)
    } catch (error) {
      this.services.logger.error(
        { room: this.name, err: error, bytes: update.length },
        'an update from another relay instance decoded but failed to integrate; reloading the room from storage'
      )
      this.services.metrics.countError('integration-failure')
      this.broken = true
      this.services.onBroken(this)
      return false
    } finally {
      this.doc.off('update', capture)
    }
    if (effect.update === undefined) return false
    this.broadcast(encodeUpdate(effect.update), 'sync')
    return true
  }

  /**
   * Another instance may have died between sending an update and storing it; this relay then holds
   * the only copy, so before dropping the room it appends whatever storage lacks.
   */
  private async storeRemoteUpdatesStorageLacks(): Promise<void> {
    try {
      await appendWhatStorageLacks(this.services.storage, this.name, this.doc)
    } catch (error) {
      this.services.metrics.countError('storage-write')
      this.services.logger.error(
        { room: this.name, err: error },
        'could not check that storage holds the updates other instances sent; if one of them died, its last updates may be missing from storage'
      )
    }
  }

  private applyClientUpdate(member: RoomMember, update: Uint8Array, frame: Uint8Array | undefined): void {
    if (member.context.role !== 'edit') {
      if (!this.deniedWriters.has(member)) {
        this.deniedWriters.add(member)
        this.sendTo(member, encodePermissionDenied('this connection may only view the document'), 'auth')
      }
      return
    }
    if (isEmptyUpdate(update)) return
    try {
      Y.applyUpdate(this.doc, update, member)
    } catch (error) {
      this.services.logger.error(
        { room: this.name, err: error, bytes: update.length },
        'a Yjs update decoded but failed to integrate; reloading the room from storage'
      )
      this.services.metrics.countError('integration-failure')
      this.broken = true
      member.close(CloseCode.invalidPayload, 'malformed Yjs update')
      this.services.onBroken(this)
      return
    }
    this.broadcast(frame ?? encodeUpdate(update), 'sync', member)
    this.appendToStorage(update)
    this.services.hooks.change(this, update)
  }

  private appendToStorage(update: Uint8Array): void {
    this.unwritten.push(update)
    if (this.writeScheduled) return
    this.writeScheduled = true
    setImmediate(() => {
      this.writeScheduled = false
      void this.writeUnwritten()
    })
  }

  /** Writes the queued updates as one merged append; a failed write is kept and retried. */
  private writeUnwritten(): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (this.unwritten.length === 0) return
      const batch = this.unwritten
      this.unwritten = []
      const merged = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch)
      const started = performance.now()
      try {
        await this.services.storage.append(this.name, merged)
        this.appendsSinceLoad++
        this.services.metrics.observeStorageWrite((performance.now() - started) / 1000)
      } catch (error) {
        this.unwritten.unshift(merged)
        this.services.metrics.countError('storage-write')
        this.services.logger.error({ room: this.name, err: error }, 'storage write failed; will retry')
        if (!this.closed) {
          clearTimeout(this.retryTimer)
          this.retryTimer = setTimeout(() => void this.writeUnwritten(), retryFailedWriteMs)
        }
      }
    })
    return this.writing
  }

  /** Records which awareness client ids each member controls, so they can be removed when it leaves. */
  private readonly trackAwareness = (
    { added, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown
  ): void => {
    const controlled = this.members.get(origin as RoomMember)
    if (controlled === undefined) return
    for (const id of added) controlled.add(id)
    for (const id of removed) controlled.delete(id)
  }
}
