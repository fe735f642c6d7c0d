/** Tells the user about a problem that is not a thrown error: a refused image, an unreadable file. */
export type ShowNotice = (message: string) => void
