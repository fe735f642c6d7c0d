import type { messagesEn } from './messages-en'

/** A key of the message catalogue; a counted message is named without its `_one`/`_other` suffix. */
export type MessageKey = keyof typeof messagesEn extends infer Key
  ? Key extends `${infer Base}_${'one' | 'other'}`
    ? Base
    : Key
  : never

/**
 * The translation of an English area: every key, where counted messages need their `_other` form
 * only (Chinese has no singular form; i18next picks `_other` for every count).
 */
export type Translation<English> = {
  readonly [Key in keyof English as Key extends `${string}_one` ? never : Key]: string
} & { readonly [key: `${string}_one`]: string }

/** What a whole translation must carry. */
export type Messages = Translation<typeof messagesEn>
