/**
 * Links that leave the app (`window.open`, `target=_blank`, the shell API) open in the system
 * browser, and only when they are plain http(s) URLs: no `file:`, `javascript:`, custom schemes
 * that could start other programs, or credentials in the URL.
 */
export const maxExternalUrlLength = 2048

/** Returns the normalised URL when it may be opened in the system browser, otherwise why not. */
export const checkExternalUrl = (text: string): { url: string } | { problem: string } => {
  if (text.length > maxExternalUrlLength) return { problem: `the link is longer than ${maxExternalUrlLength} characters` }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { problem: `"${text.slice(0, 80)}" is not a URL` }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: `${url.protocol} links are not opened; only http and https` }
  if (url.username !== '' || url.password !== '') return { problem: 'links with a user name or password are not opened' }
  if (url.hostname === '') return { problem: 'the link has no host' }
  return { url: url.toString() }
}
