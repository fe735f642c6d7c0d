/**
 * Names of the IPC channels between the desktop renderer and the main process (payloads and
 * validation: `ipc.ts`). Kept apart from the schemas so that the preload carries only these names.
 */

/** Renderer → main requests (`ipcRenderer.invoke`). */
export const requestChannels = [
  'relay:get-status',
  'settings:get',
  'settings:update',
  'settings:set-language',
  'presence:report',
  'presence:get',
  'session:get-state',
  'session:host',
  'session:stop',
  'session:create-invite',
  'discovery:browse',
  'discovery:stop-browsing',
  'discovery:check-address',
  'window:set-document',
  'shell:open-external',
  'join:take-pending',
  'transfer:export-pdf',
  'library:get',
  'library:record-document',
  'library:forget-document',
  'library:remember-relay',
  'library:forget-relay',
  'updates:get-status',
  'updates:check',
  'updates:install',
  'security:check-certificate',
  'upstream:get',
  'upstream:link',
  'upstream:unlink'
] as const
export type RequestChannel = (typeof requestChannels)[number]

/** Main → renderer events (`webContents.send`). */
export const eventChannels = [
  'relay:status',
  'settings:changed',
  'presence:changed',
  'session:changed',
  'discovery:changed',
  'join:requested',
  'menu:command',
  'transfer:import-file',
  'library:changed',
  'updates:status',
  'upstream:changed'
] as const
export type EventChannel = (typeof eventChannels)[number]

/** Menu items the renderer carries out (the main process handles the rest itself). */
export const menuCommands = [
  'new-document',
  'open-home',
  'join-by-link',
  'connect-to-relay',
  'host-session',
  'share-document',
  'open-settings',
  'undo',
  'redo',
  'save-version',
  'find',
  'find-replace',
  'export-markdown',
  'export-html',
  'export-text',
  'export-pdf'
] as const
export type MenuCommand = (typeof menuCommands)[number]

export const isRequestChannel = (channel: string): channel is RequestChannel => (requestChannels as readonly string[]).includes(channel)
export const isEventChannel = (channel: string): channel is EventChannel => (eventChannels as readonly string[]).includes(channel)
