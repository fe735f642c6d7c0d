import type { Awareness } from 'y-protocols/awareness'
import { awarenessUserOf } from '../../app/presence'
import { distinctColor } from '../../app/profile'

/**
 * The colour this page shows its user in (cursor, avatar, the authorship of versions): the
 * profile's, unless someone already in the document has it, then a palette colour nobody has
 * (`distinctColor`). When two people turn out to share one, the one who joined later (the larger
 * awareness client id) moves; a colour, once distinct, stays, so nobody changes colour for a
 * newcomer.
 */
export class PresenceColor {
  private chosen: string

  constructor(
    private readonly awareness: Awareness,
    private preferred: string,
    /** Called when the colour changed and must be published again. */
    private readonly onChange: (color: string) => void
  ) {
    this.chosen = distinctColor(preferred, this.othersColors(() => true))
    awareness.on('change', this.check)
  }

  get current(): string {
    return this.chosen
  }

  /** The profile's colour changed (Settings): take it unless someone else has it. */
  setPreferred(color: string): void {
    this.preferred = color
    this.choose(distinctColor(color, this.othersColors(() => true)))
  }

  destroy(): void {
    this.awareness.off('change', this.check)
  }

  private readonly check = (): void => {
    const ownId = this.awareness.clientID
    const clash = this.othersColors((clientId) => clientId < ownId).some((color) => color.toLowerCase() === this.chosen.toLowerCase())
    if (clash) this.choose(distinctColor(this.preferred, this.othersColors(() => true)))
  }

  private choose(color: string): void {
    if (color === this.chosen) return
    this.chosen = color
    this.onChange(color)
  }

  private othersColors(include: (clientId: number) => boolean): string[] {
    const colors: string[] = []
    this.awareness.getStates().forEach((state, clientId) => {
      if (clientId === this.awareness.clientID || !include(clientId)) return
      const user = awarenessUserOf(state)
      if (user !== null) colors.push(user.color)
    })
    return colors
  }
}
