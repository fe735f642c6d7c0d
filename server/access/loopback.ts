/** Whether `host` (a name or address, without port) names this machine's loopback interface. */
export const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)

/** Whether an HTTP `Host` header (`name:port`, `[::1]:port`) names the loopback interface. */
export const isLoopbackHostHeader = (header: string | undefined): boolean => {
  if (header === undefined) return false
  try {
    return isLoopbackHost(new URL(`http://${header}`).hostname.replace(/^\[(.*)\]$/, '$1'))
  } catch {
    return false
  }
}
