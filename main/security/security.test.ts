import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, isAppUrl, resolveAppAsset } from './app-origin'
import { checkExternalUrl } from './external-url'
import { isPermissionAllowed } from './permissions'

const root = '/opt/ensemble/dist/web'

describe('the app:// origin', () => {
  it.each([
    ['app://ensemble/', join(root, 'index.html')],
    ['app://ensemble/index.html', join(root, 'index.html')],
    ['app://ensemble/assets/main-1234.js', join(root, 'assets/main-1234.js')],
    ['app://ensemble/documents/plan', join(root, 'index.html')],
    ['app://ensemble/a%20b.css', join(root, 'a b.css')],
    // Dot segments are resolved inside the root: a request can never leave it.
    ['app://ensemble/..%2F..%2Fetc%2Fpasswd.txt', join(root, 'etc/passwd.txt')],
    ['app://ensemble/%2e%2e/secret.json', join(root, 'secret.json')]
  ])('serves %s from %s', (url, file) => {
    expect(resolveAppAsset(root, url)).toEqual({ file })
  })

  it.each([
    ['app://other/index.html', 403],
    ['file:///etc/passwd', 403],
    ['app://ensemble/%E0%A4%A', 400],
    ['app://ensemble/a%00.js', 400]
  ])('refuses %s with %i', (url, status) => {
    expect(resolveAppAsset(root, url)).toMatchObject({ status })
  })

  it('lets pages navigate only within the app', () => {
    expect(isAppUrl('app://ensemble/documents/x')).toBe(true)
    expect(isAppUrl('https://example.org/')).toBe(false)
    expect(isAppUrl('app://ensemble.evil/')).toBe(false)
    expect(isAppUrl('not a url')).toBe(false)
  })

  it('has a CSP without inline or remote scripts, plugins, frames or base changes', () => {
    const directives = new Map(contentSecurityPolicy.split('; ').map((directive) => [directive.split(' ')[0], directive]))
    expect(directives.get('default-src')).toBe("default-src 'none'")
    expect(directives.get('script-src')).toBe("script-src 'self'")
    expect(directives.get('object-src')).toBe("object-src 'none'")
    expect(directives.get('base-uri')).toBe("base-uri 'none'")
    expect(directives.get('frame-ancestors')).toBe("frame-ancestors 'none'")
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval/)
    expect(directives.get('script-src')).not.toMatch(/unsafe-inline/)
  })
})

describe('links to the system browser', () => {
  it('opens plain http(s) links', () => {
    expect(checkExternalUrl('https://example.org/a?b#c')).toEqual({ url: 'https://example.org/a?b#c' })
    expect(checkExternalUrl('http://192.168.1.20:4455/?doc=x#token=t')).toEqual({ url: 'http://192.168.1.20:4455/?doc=x#token=t' })
  })

  it.each([
    ['file:///etc/passwd', /file: links are not opened/],
    ['javascript:alert(1)', /javascript: links/],
    ['ensemble://join?relay=x', /ensemble: links/],
    ['smb://host/share', /smb: links/],
    ['https://user:pw@example.org/', /user name or password/],
    ['not a url', /is not a URL/],
    [`https://example.org/${'a'.repeat(3000)}`, /longer than 2048/]
  ])('refuses %s', (url, problem) => {
    const result = checkExternalUrl(url)
    expect('problem' in result && result.problem).toMatch(problem)
  })
})

describe('web permissions', () => {
  it('allows only what the app uses, and only to the app', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://ensemble/index.html')).toBe(true)
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/')).toBe(false)
    for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb']) {
      expect(isPermissionAllowed(permission, 'app://ensemble/index.html')).toBe(false)
    }
  })
})
