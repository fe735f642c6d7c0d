/**
 * A "roving tab stop" over a row of controls (WAI-ARIA's toolbar and tabs patterns): the row is
 * one stop for Tab, on the control used last (or the first one that can take the focus), and
 * ArrowLeft/ArrowRight, Home and End move between its controls, skipping disabled ones. Call
 * `refresh()` after controls were enabled or disabled, so that the stop is never on a disabled one.
 */
export class RovingFocus {
  private current: HTMLElement | null = null

  constructor(
    private readonly container: HTMLElement,
    private readonly controls: () => readonly HTMLElement[]
  ) {
    container.addEventListener('keydown', this.onKeyDown)
    container.addEventListener('focusin', this.onFocusIn)
    this.refresh()
  }

  /** Puts the focus on the row's tab stop; false when no control can take it. */
  focus(): boolean {
    this.refresh()
    this.current?.focus()
    return this.current !== null
  }

  refresh(): void {
    const usable = this.usable()
    if (this.current === null || !usable.includes(this.current)) this.current = usable[0] ?? null
    for (const control of this.controls()) {
      const tabIndex = control === this.current ? 0 : -1
      if (control.tabIndex !== tabIndex) control.tabIndex = tabIndex
    }
  }

  destroy(): void {
    this.container.removeEventListener('keydown', this.onKeyDown)
    this.container.removeEventListener('focusin', this.onFocusIn)
  }

  private usable(): HTMLElement[] {
    return this.controls().filter((control) => !(control as HTMLButtonElement).disabled && !control.hidden)
  }

  private move(to: HTMLElement | undefined): void {
    if (to === undefined) return
    this.current = to
    this.refresh()
    to.focus()
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const usable = this.usable()
    const at = usable.indexOf(event.target as HTMLElement)
    if (at === -1) return
    const moves: Record<string, HTMLElement | undefined> = {
      ArrowRight: usable[(at + 1) % usable.length],
      ArrowLeft: usable[(at - 1 + usable.length) % usable.length],
      Home: usable[0],
      End: usable[usable.length - 1]
    }
    const next = moves[event.key]
    if (next === undefined) return
    // Also keeps a <select> from changing its value on ArrowLeft/ArrowRight.
    event.preventDefault()
    this.move(next)
  }

  private readonly onFocusIn = (event: FocusEvent): void => {
    const control = this.controls().find((candidate) => candidate === event.target)
    if (control !== undefined && control !== this.current) {
      this.current = control
      this.refresh()
    }
  }
}
