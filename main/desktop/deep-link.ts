import { InviteLinkError, inviteScheme, parseInviteLink } from '../../app/invite-link'
import type { JoinRequest } from '../../app/ipc'

/**
 * Finds an `ensemble://` link among command-line arguments: how Windows and Linux hand a clicked
 * link to the app (at launch, or to the running instance through `second-instance`). Returns the
 * join request, or `null` with the reason when there is none or it is broken.
 */
export const joinRequestFromArgv = (argv: readonly string[]): { request: JoinRequest } | { problem: string } | null => {
  const link = argv.find((argument) => argument.toLowerCase().startsWith(`${inviteScheme}:`))
  return link === undefined ? null : joinRequestFromUrl(link)
}

/** Reads one `ensemble://join?…` link (macOS `open-url`, or an argument). */
export const joinRequestFromUrl = (url: string): { request: JoinRequest } | { problem: string } => {
  try {
    const invite = parseInviteLink(url)
    return { request: { ...invite } }
  } catch (error) {
    if (error instanceof InviteLinkError) return { problem: error.message }
    throw error
  }
}
