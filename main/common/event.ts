/** Something to release: a listener, a timer, a service. */
export interface Disposable {
  dispose(): void
}

/** Subscribes a listener; the returned `Disposable` unsubscribes it (VS Code's `Event<T>`). */
export type Event<T> = (listener: (value: T) => void) => Disposable

/**
 * The source of an `Event<T>`: services keep an `Emitter` private and expose its `event` as
 * `onDidX`. A listener that throws is reported to `onListenerError` and does not stop the others.
 */
export class Emitter<T> implements Disposable {
  private listeners = new Set<(value: T) => void>()

  constructor(private readonly onListenerError: (error: unknown) => void = (error) => console.error(error)) {}

  readonly event: Event<T> = (listener) => {
    // Wrap so that the same function subscribed twice gets two independent subscriptions.
    const entry = (value: T): void => listener(value)
    this.listeners.add(entry)
    return { dispose: () => this.listeners.delete(entry) }
  }

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value)
      } catch (error) {
        this.onListenerError(error)
      }
    }
  }

  get hasListeners(): boolean {
    return this.listeners.size > 0
  }

  dispose(): void {
    this.listeners.clear()
  }
}

/** Collects disposables so that one `dispose()` releases them all, last first. */
export class DisposableStore implements Disposable {
  private readonly items: Disposable[] = []

  add<D extends Disposable>(item: D): D {
    this.items.push(item)
    return item
  }

  dispose(): void {
    for (const item of this.items.splice(0).reverse()) item.dispose()
  }
}

/** Resolves with the next value the event fires that satisfies `accept`. */
export const nextEvent = <T>(event: Event<T>, accept: (value: T) => boolean = () => true): Promise<T> =>
  new Promise((resolve) => {
    const subscription = event((value) => {
      if (!accept(value)) return
      subscription.dispose()
      resolve(value)
    })
  })
