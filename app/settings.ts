/** The user's settings: shared by the main process (which stores them) and the renderer (which edits them). */
import { z } from 'zod'
import type { LanguageChoice } from './i18n/languages'

export const displayNameMaxLength = 64

/** A language of the catalogue, or `system` to follow the OS. */
export const LanguageChoiceSchema = z.enum(['system', 'en', 'zh-CN']) satisfies z.ZodType<LanguageChoice>

export const SettingsSchema = z.object({
  /** Shown to others next to the user's cursor and in their presence lists. */
  displayName: z.string().trim().min(1, 'the display name is empty').max(displayNameMaxLength),
  /** Cursor and avatar colour, `#rrggbb`. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'the colour must be #rrggbb, e.g. #3b82f6'),
  /** TCP port the relay listens on while hosting a LAN session. */
  lanPort: z.number().int().min(1024, 'the LAN port must be 1024 or above').max(65535, 'the LAN port must be at most 65535'),
  /** The language chosen in Settings; absent (or `system`) follows the OS. The menus and native dialogs speak it. */
  language: LanguageChoiceSchema.optional()
})

export type Settings = z.infer<typeof SettingsSchema>

/** A change to some settings; fields left out keep their value. */
export const SettingsPatchSchema = SettingsSchema.partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>

export const defaultLanPort = 4455

/** Colours handed out to new users, readable on a white page. */
export const userColors = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#db2777', '#4d7c0f'] as const
