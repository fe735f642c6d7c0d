import type { MarkSpec } from 'prosemirror-model'

/** The name y-prosemirror gives the mark it puts on changed text when it renders a version. */
export const changeMarkName = 'ychange'

/** What a version shows about a piece of text: who added or removed it, in their colours. */
export interface ChangeAttrs {
  readonly user: string | null
  readonly type: 'added' | 'removed' | null
  /** y-prosemirror's colour pair: `light` for a background, `dark` for text. */
  readonly color: { readonly light: string; readonly dark: string } | null
}

/** Colours are written into a `style` attribute, so only plain hex colours pass. */
const hexColor = /^#[0-9a-f]{6}([0-9a-f]{2})?$/i
const safeColor = (value: unknown, fallback: string): string =>
  typeof value === 'string' && hexColor.test(value) ? value : fallback

/**
 * The `ychange` mark: y-prosemirror's snapshot rendering puts it on text that a version added
 * (`<ins data-ychange="added">`, highlighted in the author's colour) or removed
 * (`<del data-ychange="removed">`, struck through). It exists only in a view that shows a version:
 * y-prosemirror never writes it to the document, and it has no parse rule, so pasted `<ins>` or
 * `<del>` never becomes one. Without it in the schema y-prosemirror could not build the version's
 * text, and it deletes content it cannot build.
 */
export const changeMarkSpec: MarkSpec = {
  attrs: { user: { default: null }, type: { default: null }, color: { default: null } },
  inclusive: false,
  toDOM: (mark) => {
    const { user, type, color } = mark.attrs as ChangeAttrs
    const removed = type === 'removed'
    const style = removed
      ? `color: ${safeColor(color?.dark, '#b42318')}`
      : `background-color: ${safeColor(color?.light, '#ecd44433')}`
    return [
      removed ? 'del' : 'ins',
      { class: `ychange ychange-${removed ? 'removed' : 'added'}`, 'data-ychange': removed ? 'removed' : 'added', 'data-user': user ?? '', style },
      0
    ]
  }
}
