import { CloseCode } from '../app/protocol'
import { Room, type RoomServices } from './room'

export interface RoomRegistryOptions {
  /** How long an empty room stays in memory before it is written and dropped. */
  readonly lingerMs: number
  /** Rooms held in memory at most; see `makeRoomFor`. */
  readonly maxRooms: number
  /** Called when an empty room is dropped early to make room for another. */
  readonly onEvicted: (name: string) => void
  readonly onLoaded: (name: string) => void
  readonly onUnloaded: (name: string) => void
}

/** How long a pinned document that was unloaded waits before it loads again. */
const reloadPinnedMs = 1000

/**
 * The rooms in memory. A room is created on first use, dropped `lingerMs` after its last member
 * leaves (but kept, and checked again after another `lingerMs`, while storage has not taken all
 * its edits), and a room being dropped finishes its writes before its successor loads.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  private readonly closing = new Map<string, Promise<void>>()
  /** Empty rooms waiting to be dropped, in the order they became empty. */
  private readonly lingerTimers = new Map<Room, NodeJS.Timeout>()
  /** Documents kept in memory whoever is connected (`pin`), e.g. replicated ones. */
  private readonly pinned = new Set<string>()
  private readonly services: RoomServices

  constructor(
    services: Omit<RoomServices, 'onBroken' | 'onEmpty'>,
    private readonly options: RoomRegistryOptions
  ) {
    this.services = {
      ...services,
      onEmpty: (room) => this.scheduleUnload(room),
      onBroken: (room) => void this.unload(room, CloseCode.internalError, 'document reloading; reconnect')
    }
  }

  get size(): number {
    return this.rooms.size
  }

  names(): string[] {
    return [...this.rooms.keys()]
  }

  get(name: string): Room | undefined {
    return this.rooms.get(name)
  }

  /**
   * Makes sure `acquire(name)` stays within `maxRooms`: true when the room is in memory or there is
   * space, after dropping the least recently used empty room if needed; false when every room in
   * memory has connections.
   */
  makeRoomFor(name: string): boolean {
    if (this.rooms.has(name) || this.rooms.size < this.options.maxRooms) return true
    // Lingering rooms are exactly the empty ones, kept in the order they became empty; one with
    // edits storage has not taken stays, or they would be lost.
    const oldest = [...this.lingerTimers.keys()].find((room) => !room.unsaved)
    if (oldest === undefined) return false
    void this.unload(oldest, CloseCode.normal, 'room evicted')
    this.options.onEvicted(oldest.name)
    return true
  }

  /** The room for `name`, created (and loading) if it is not in memory. */
  acquire(name: string): Room {
    const existing = this.rooms.get(name)
    if (existing !== undefined) {
      this.cancelUnload(existing)
      return existing
    }
    const room = new Room(name, this.services, this.closing.get(name))
    this.rooms.set(name, room)
    room.loaded.then(
      () => this.options.onLoaded(name),
      () => {
        if (this.rooms.get(name) === room) void this.unload(room, CloseCode.internalError, 'load failed')
      }
    )
    return room
  }

  /**
   * Keeps `name` in memory until `unpin`, loading it now if needed, and again after a reload
   * (a room that broke): for documents something works on without connections (replication).
   */
  pin(name: string): Room {
    this.pinned.add(name)
    return this.acquire(name)
  }

  unpin(name: string): void {
    if (!this.pinned.delete(name)) return
    const room = this.rooms.get(name)
    if (room !== undefined) this.release(room)
  }

  /**
   * Lets go of a room acquired without attaching a member (an HTTP request): an empty room is
   * dropped `lingerMs` later, like one whose last member left.
   */
  release(room: Room): void {
    if (room.size === 0 && this.rooms.get(room.name) === room) this.scheduleUnload(room)
  }

  /** Writes and drops every room, closing its connections with `code`. */
  async closeAll(code: number, reason: string): Promise<void> {
    this.pinned.clear()
    await Promise.all([...this.rooms.values()].map((room) => this.unload(room, code, reason)))
    await Promise.all([...this.closing.values()])
  }

  private scheduleUnload(room: Room): void {
    this.cancelUnload(room)
    if (this.pinned.has(room.name)) return
    const timer = setTimeout(() => {
      this.lingerTimers.delete(room)
      if (room.size > 0) return
      if (room.unsaved) this.scheduleUnload(room)
      else void this.unload(room, CloseCode.normal, 'room unloaded')
    }, this.options.lingerMs)
    timer.unref()
    this.lingerTimers.set(room, timer)
  }

  private cancelUnload(room: Room): void {
    clearTimeout(this.lingerTimers.get(room))
    this.lingerTimers.delete(room)
  }

  private unload(room: Room, code: number, reason: string): Promise<void> {
    this.cancelUnload(room)
    if (this.rooms.get(room.name) !== room) return this.closing.get(room.name) ?? Promise.resolve()
    this.rooms.delete(room.name)
    this.services.hooks.unload(room)
    const previous = this.closing.get(room.name) ?? Promise.resolve()
    const done = previous
      .then(() => room.close(code, reason))
      .catch((error: unknown) => {
        this.services.logger.error({ room: room.name, err: error }, 'closing a room failed')
      })
    this.closing.set(room.name, done)
    void done.finally(() => {
      if (this.closing.get(room.name) === done) this.closing.delete(room.name)
      this.options.onUnloaded(room.name)
      // A pinned document that was unloaded (it broke, or could not load) comes back a moment
      // later, so that a store that cannot read it is not asked in a loop; closeAll unpins first.
      if (!this.pinned.has(room.name)) return
      setTimeout(() => {
        if (this.pinned.has(room.name) && !this.rooms.has(room.name)) this.acquire(room.name)
      }, reloadPinnedMs).unref()
    })
    return done
  }
}
