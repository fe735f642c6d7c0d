import type { Logger } from 'pino'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as decoding from 'lib0/decoding'
import { createDocumentDoc } from '../app/document'
import { CloseCode } from '../app/protocol'
import { encodeStorageStatus } from '../app/storage-status'
import {
  encodePrivateMessage,
  encodePrivateMessageUndelivered,
  type PrivateMessage
} from '../app/private-message'
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
import { WireFrame } from './wire-frame'
import type { DocumentStorage } from './storage/document-storage'
import { storeWhatStorageLacks } from './storage/reconcile'
import type { StorageProblems } from './storage-problems'
import { RoomWriter } from './room-writer'
import { StoredAcks, type AcknowledgedMember } from './stored-acks'
import type { DecodedUpdate } from './update-consistency'
import { InconsistentUpdate, UpdateIntegrator, WaitingLimitExceeded, WaitingUpdateFailed } from './update-integrator'

/** How many client states an encoded awareness update carries (its first varUint). */
const awarenessEntryCount = (update: Uint8Array): number => decoding.readVarUint(decoding.createDecoder(update))

/** What a room needs of a connection. */
export interface RoomMember extends AcknowledgedMember {
  readonly context: ConnectionContext
  /** Queues a message; never blocks. */
  send(frame: WireFrame): void
  close(code: number, reason: string): void
}

export interface RoomServices {
  readonly storage: DocumentStorage
  readonly metrics: RelayMetrics
  readonly logger: Logger
  readonly hooks: RoomHooks
  /** Where rooms report refused writes and unreadable documents (for `/healthz` and the log). */
  readonly problems: StorageProblems
  /** Called when a Yjs update that decoded cleanly still failed to integrate; the room must be reloaded. */
  readonly onBroken: (room: Room) => void
  /** Called when the last member left. */
  readonly onEmpty: (room: Room) => void
}

/** Transaction origin of updates and awareness changes that another relay instance sent. */
const remoteOrigin = Symbol('remote relay instance')
/** Transaction origin of updates from the relay the document is replicated from (`applyUpstreamUpdate`). */
const upstreamOrigin = Symbol('upstream relay')
/** Transaction origin of changes the relay makes itself (`changeDocument`). */
const relayOrigin = Symbol('relay')

/** The room was closed (unloaded or reloading) before an operation on it could run. */
export class RoomClosedError extends Error {
  override name = 'RoomClosedError'
  constructor(readonly room: string) {
    super(`the document "${room}" is being unloaded or reloaded; try again`)
  }
}
/** Bytes of updates one connection may have waiting for content the room lacks. */
const maxWaitingBytesPerMember = 1024 * 1024

/**
 * One document in memory: its Y.Doc, its awareness, and the connections editing it.
 * Updates are forwarded to the other members at once; storage appends are batched per event-loop
 * turn and never delay forwarding. Extensions see it as a `RoomHandle`.
 */
export class Room implements RoomHandle {
  /** Garbage collection off: a collecting relay would drop the deleted text that version history shows. */
  readonly doc = createDocumentDoc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  private readonly integrator = new UpdateIntegrator<RoomMember | typeof remoteOrigin | typeof upstreamOrigin>(this.doc, maxWaitingBytesPerMember)
  /** Resolves once the stored state is in `doc`; no member is attached before. */
  readonly loaded: Promise<void>
  /** The client ids that the last applied awareness update changed (set by `trackAwareness`). */
  private awarenessNews: number[] = []
  /** Members and the awareness client ids each one controls. */
  private readonly members = new Map<RoomMember, Set<number>>()
  /** View-only members that sent their harmless sync step 2, or were denied a write. */
  private readonly viewers = new WeakMap<RoomMember, 'synced' | 'denied'>()
  private readonly writer: RoomWriter<RoomMember>
  /** Who asked to be told when their messages are stored, and how far they are. */
  private readonly acks = new StoredAcks<RoomMember>()
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
    this.writer = new RoomWriter<RoomMember>(
      name,
      this.doc,
      services,
      (status) => this.broadcast(encodeStorageStatus(status), 'storage-status'),
      (marks) => this.acks.stored(marks)
    )
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.trackAwareness)
    this.loaded = previousClose.then(() => this.load())
  }

  get size(): number {
    return this.members.size
  }

  /** Whether the room holds edits that storage has not (provably) taken; such a room is not unloaded. */
  get unsaved(): boolean {
    return this.writer.unsaved
  }

  /** Adds a member and starts the sync: our state vector first, then everyone's awareness. */
  attach(member: RoomMember): void {
    this.members.set(member, new Set())
    this.acks.add(member)
    this.lastActiveAt = Date.now()
    this.sendTo(member, encodeSyncStep1(this.doc), 'sync')
    const notStored = this.writer.status
    if (notStored !== null) this.sendTo(member, encodeStorageStatus(notStored), 'storage-status')
    const states = this.awareness.getStates()
    if (states.size > 0) this.sendTo(member, encodeAwareness(this.awareness, [...states.keys()]), 'awareness')
  }

  /** Removes a member, its awareness states, and tells the others. */
  detach(member: RoomMember): void {
    const controlled = this.members.get(member)
    if (controlled === undefined) return
    this.members.delete(member)
    this.integrator.forget(member)
    this.acks.remove(member)
    this.writer.forget(member)
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
        this.applyClientUpdate(member, message.update, message.decoded, true)
        break
      case 'update':
        this.applyClientUpdate(member, message.update, message.decoded, false)
        break
      case 'awareness': {
        const news = this.applyAwareness(message.update, member)
        if (news === null) break
        this.broadcast(news === message.update ? message.frame : encodeAwarenessFrame(news), 'awareness', member)
        this.services.hooks.awareness(this, news)
        break
      }
      case 'query-awareness':
        this.sendTo(member, encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]), 'awareness')
        break
      case 'private-message':
        this.routePrivateMessage(member, message.message, message.frame)
        break
    }
  }

  deliverPrivateMessage(message: PrivateMessage): boolean {
    return this.sendToPublishersOf(message.to, encodePrivateMessage(message)) > 0
  }

  /**
   * Sends a member's private message to the connections that publish the recipient's awareness id,
   * here or (through an extension) on another instance; tells the sender why when it cannot. The
   * sender id must be one the member itself publishes.
   */
  private routePrivateMessage(member: RoomMember, message: PrivateMessage, frame: Uint8Array): void {
    const undelivered = (reason: string): void =>
      this.sendTo(member, encodePrivateMessageUndelivered({ to: message.to, id: message.id, reason }), 'private-message')
    if (this.members.get(member)?.has(message.from) !== true) {
      this.services.metrics.countError('private-message-sender')
      this.services.logger.warn(
        { room: this.name, remote: member.context.remoteAddress, from: message.from },
        'refused a private message whose sender id is not one its connection publishes'
      )
      return undelivered(`this connection does not publish awareness client id ${message.from}; messages can only be sent under your own id`)
    }
    if (this.sendToPublishersOf(message.to, frame) > 0) return
    const present = this.awareness.states.has(message.to)
    if (present && this.services.hooks.privateMessage(this, message)) return
    undelivered(present ? 'the recipient is connected to another relay instance, which cannot be reached now' : 'the recipient is no longer in this document')
  }

  /** Sends `frame` to every member that publishes awareness id `clientId`; returns how many. */
  private sendToPublishersOf(clientId: number, frame: Uint8Array): number {
    let sent = 0
    const wire = new WireFrame(frame)
    for (const [member, ids] of this.members) {
      if (!ids.has(clientId)) continue
      member.send(wire)
      sent++
    }
    if (sent > 0) this.services.metrics.countSent('private-message', sent, frame.length)
    return sent
  }

  applyRemoteUpdate(update: Uint8Array): void {
    checkUpdate(update)
    if (this.applyUpdateFromElsewhere(update)) this.remoteUpdatesApplied++
  }

  applyUpstreamUpdate(update: Uint8Array): void {
    checkUpdate(update)
    if (this.closed || isEmptyUpdate(update)) return
    let integrated: Uint8Array | null
    try {
      integrated = this.integrator.integrate(upstreamOrigin, update, { trusted: true })
    } catch (error) {
      this.services.logger.error(
        { room: this.name, err: error, bytes: update.length },
        'an update from the upstream relay decoded but failed to integrate; reloading the room from storage'
      )
      this.services.metrics.countError('integration-failure')
      this.broken = true
      this.services.onBroken(this)
      return
    }
    if (integrated !== null) this.passOn(integrated)
    if (this.integrator.hasWaiting) this.retryWaiting()
  }

  applyRemoteAwareness(update: Uint8Array): void {
    checkAwarenessUpdate(update)
    if (this.closed) return
    const news = this.applyAwareness(update, remoteOrigin)
    if (news !== null) this.broadcast(encodeAwarenessFrame(news), 'awareness')
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

  /**
   * Changes the document on the relay's own behalf (an import over HTTP) as one Yjs transaction.
   * Members, storage and extensions (so other instances too) get the change exactly like a
   * member's update. Returns the update, or `null` when nothing changed.
   */
  changeDocument(change: (doc: Y.Doc) => void): Uint8Array | null {
    if (this.closed) throw new RoomClosedError(this.name)
    let update: Uint8Array | null = null
    const capture = (applied: Uint8Array): void => {
      update = applied
    }
    this.doc.on('update', capture)
    try {
      this.doc.transact(() => change(this.doc), relayOrigin)
    } finally {
      this.doc.off('update', capture)
    }
    if (update === null) return null
    this.lastActiveAt = Date.now()
    this.broadcast(encodeUpdate(update), 'sync')
    this.writer.append(update)
    this.services.hooks.change(this, update)
    return update
  }

  /** Sends `frame` to every member except `except`. */
  broadcast(message: Uint8Array, type: string, except?: RoomMember): void {
    const frame = new WireFrame(message)
    let sent = 0
    for (const member of this.members.keys()) {
      if (member === except) continue
      member.send(frame)
      sent++
    }
    if (sent > 0) this.services.metrics.countSent(type, sent, message.length)
  }

  private sendTo(member: RoomMember, message: Uint8Array, type: string): void {
    member.send(new WireFrame(message))
    this.services.metrics.countSent(type, 1, message.length)
  }

  /** Closes every member, writes what is unwritten, compacts a long log and frees the document. */
  async close(code: number, reason: string): Promise<void> {
    if (this.closed) return
    this.closed = true
    for (const member of [...this.members.keys()]) member.close(code, reason)
    this.members.clear()
    try {
      await this.loaded
    } catch {
      // A room that never loaded has nothing to write.
      this.writer.stop()
      this.destroy()
      return
    }
    if (this.remoteUpdatesApplied > 0 && !this.broken) await this.storeRemoteUpdatesStorageLacks()
    await this.writer.finish()
    this.destroy()
  }

  private destroy(): void {
    this.awareness.off('update', this.trackAwareness)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private async load(): Promise<void> {
    let stored: Uint8Array | null
    try {
      stored = await this.services.storage.load(this.name)
    } catch (error) {
      this.services.problems.readFailed(this.name, error)
      throw error
    }
    this.services.problems.readSucceeded(this.name)
    // Stored state is trusted; whatever of it still misses content waits like a remote update.
    if (stored !== null) this.integrator.integrate(remoteOrigin, stored, { trusted: true })
    await this.services.hooks.load(this)
  }

  /**
   * Applies an update that did not come from a member (another instance, or storage) and sends the
   * part that was new to every member. Returns whether anything was new.
   */
  private applyUpdateFromElsewhere(update: Uint8Array): boolean {
    if (this.closed || isEmptyUpdate(update)) return false
    let integrated: Uint8Array | null
    try {
      integrated = this.integrator.integrate(remoteOrigin, update, { trusted: true })
    } catch (error) {
      this.services.logger.error(
        { room: this.name, err: error, bytes: update.length },
        'an update from another relay instance decoded but failed to integrate; reloading the room from storage'
      )
      this.services.metrics.countError('integration-failure')
      this.broken = true
      this.services.onBroken(this)
      return false
    }
    if (integrated !== null) this.broadcast(encodeUpdate(integrated), 'sync')
    if (this.integrator.hasWaiting) this.retryWaiting()
    return integrated !== null
  }

  /**
   * Another instance may have died between sending an update and storing it; this relay then holds
   * the only copy, so before dropping the room it appends whatever storage lacks.
   */
  private async storeRemoteUpdatesStorageLacks(): Promise<void> {
    try {
      await storeWhatStorageLacks(this.services.storage, this.name, this.doc)
    } catch (error) {
      this.services.metrics.countError('storage-write')
      this.services.logger.error(
        { room: this.name, err: error },
        'could not check that storage holds the updates other instances sent; if one of them died, its last updates may be missing from storage'
      )
    }
  }

  private applyClientUpdate(member: RoomMember, update: Uint8Array, decoded: DecodedUpdate, isSyncStep2: boolean): void {
    const number = this.acks.received(member)
    if (isEmptyUpdate(update)) {
      if (number !== null) this.writer.mark(member, number)
      return
    }
    // A suggester writes too: suggesting mode is kept by the client (README, "Suggesting mode").
    if (member.context.role === 'view') {
      this.refuseWrite(member, update, isSyncStep2)
      return
    }
    let integrated: Uint8Array | null
    try {
      integrated = this.integrator.integrate(member, update, { decoded })
    } catch (error) {
      if (error instanceof InconsistentUpdate) this.refuseUpdate(member, error.message)
      else if (error instanceof WaitingLimitExceeded) {
        this.services.metrics.countError('waiting-limit')
        this.services.logger.warn({ room: this.name, remote: member.context.remoteAddress }, error.message)
        // What integrated before the limit was found is in the document: pass it on (and store it)
        // before the member leaves, which may unload the room.
        if (error.integrated !== null) this.passOn(error.integrated, member)
        if (this.integrator.hasWaiting) this.retryWaiting()
        member.close(CloseCode.policyViolation, error.message)
      } else this.integrationFailed(member, error, update.length)
      return
    }
    if (integrated !== null) this.passOn(integrated, member)
    if (number !== null) {
      if (this.integrator.waitingBytes(member) > 0) this.acks.held(member, number)
      this.writer.mark(member, number)
    }
    if (this.integrator.hasWaiting) this.retryWaiting()
    // A message can bring what a waiting one lacked together with that one's own content (a sync
    // step 2 after updates sent before it, as y-websocket does when typing starts as a socket opens),
    // leaving the waiting one nothing to integrate: nothing of the member waits then either.
    if (number !== null && this.integrator.waitingBytes(member) === 0) this.acks.released(member)
  }

  /** Sends what an update added to the members (but its sender, if a member), storage and extensions. */
  private passOn(integrated: Uint8Array, from?: RoomMember): void {
    this.broadcast(encodeUpdate(integrated), 'sync', from)
    this.writer.append(integrated)
    this.services.hooks.change(this, integrated)
  }

  /** Integrates waiting updates whose missing content has arrived, and passes them on. */
  private retryWaiting(): void {
    let results
    try {
      results = this.integrator.retry()
    } catch (error) {
      if (!(error instanceof WaitingUpdateFailed)) throw error
      if (error.sender === remoteOrigin || error.sender === upstreamOrigin) {
        this.services.logger.error({ room: this.name, err: error }, 'a waiting remote update failed to integrate; reloading the room from storage')
        this.services.metrics.countError('integration-failure')
        this.broken = true
        this.services.onBroken(this)
      } else this.integrationFailed(error.sender as RoomMember, error.cause, 0)
      return
    }
    for (const { sender, reason } of results.refused) {
      if (sender !== remoteOrigin && sender !== upstreamOrigin) this.refuseUpdate(sender, reason)
    }
    for (const { sender, update } of results.integrated) {
      if (sender === remoteOrigin) {
        this.broadcast(encodeUpdate(update), 'sync')
        continue
      }
      if (sender === upstreamOrigin) {
        this.passOn(update)
        continue
      }
      this.passOn(update, sender)
      if (this.integrator.waitingBytes(sender) > 0) continue
      // Nothing of the sender waits now: what it sent so far is stored with this write.
      this.acks.released(sender)
      const latest = this.acks.latest(sender)
      if (latest !== null) this.writer.mark(sender, latest)
    }
  }

  /** Closes a member that sent an update no Yjs document could have produced; nothing of it was applied. */
  private refuseUpdate(member: RoomMember, reason: string): void {
    this.services.metrics.countError('inconsistent-update')
    this.services.logger.warn({ room: this.name, remote: member.context.remoteAddress }, `refused a Yjs update: ${reason}`)
    member.close(CloseCode.invalidPayload, `inconsistent Yjs update: ${reason}`)
  }

  /**
   * A Yjs update that decoded cleanly still failed to integrate: the document may be half-changed.
   * Its sender is closed and the room reloads from storage, which holds only what integrated.
   */
  private integrationFailed(member: RoomMember, error: unknown, bytes: number): void {
    this.services.logger.error(
      { room: this.name, err: error, bytes, remote: member.context.remoteAddress },
      'a Yjs update decoded but failed to integrate; reloading the room from storage'
    )
    this.services.metrics.countError('integration-failure')
    this.broken = true
    member.close(CloseCode.invalidPayload, 'malformed Yjs update')
    this.services.onBroken(this)
  }

  /**
   * Drops a write from a view-only member, never applying it, and answers the first real attempt
   * with permission-denied. A viewer's provider always answers our sync step 1 with a step 2, which
   * usually holds nothing new; that one is let pass silently.
   */
  private refuseWrite(member: RoomMember, update: Uint8Array, isSyncStep2: boolean): void {
    const state = this.viewers.get(member)
    if (state === 'denied') return
    if (state === undefined && isSyncStep2 && Y.snapshotContainsUpdate(Y.snapshot(this.doc), update)) {
      this.viewers.set(member, 'synced')
      return
    }
    this.viewers.set(member, 'denied')
    this.services.metrics.countError('view-only-write')
    this.services.logger.info({ room: this.name, remote: member.context.remoteAddress }, 'dropped a write from a view-only connection')
    this.sendTo(member, encodePermissionDenied('this connection may only view the document'), 'auth')
  }

  /**
   * Applies an awareness update and returns the part of it that was news: the update itself when all
   * of it was, a re-encoding of the changed clients when only some was, `null` when none was. The
   * stock y-websocket client sends every awareness state it receives back to the relay; forwarding
   * those stale echoes would multiply each cursor move by the number of people in the room.
   */
  private applyAwareness(update: Uint8Array, origin: unknown): Uint8Array | null {
    this.awarenessNews = []
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, origin)
    const news = this.awarenessNews
    if (news.length === 0) return null
    return news.length === awarenessEntryCount(update) ? update : awarenessProtocol.encodeAwarenessUpdate(this.awareness, news)
  }

  /** Records which awareness client ids changed, and which each member controls so they can be removed when it leaves and receive its private messages. */
  private readonly trackAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown
  ): void => {
    this.awarenessNews = [...added, ...updated, ...removed]
    const controlled = this.members.get(origin as RoomMember)
    if (controlled === undefined) return
    // An id belongs to the first connection that published it, until that one leaves or removes it:
    // another connection sending a state under the same id does not take over its private messages.
    for (const id of added) if (![...this.members.values()].some((ids) => ids !== controlled && ids.has(id))) controlled.add(id)
    for (const id of removed) controlled.delete(id)
  }
}
