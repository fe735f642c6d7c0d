/**
 * The environment the relay process starts with. On Linux it asks glibc to give freed memory back
 * to the system as it goes: the relay's buffers are allocated with malloc, and glibc otherwise
 * raises its trim threshold as large buffers come and go. Once the relay is idle it trims the heap
 * itself (`server/native-heap.ts`); these settings cover a relay that stays busy, hosting a session
 * all day. glibc reads them only when a process starts, which is why the launcher sets them rather
 * than the relay. Values already in `base` are kept.
 */
export const relayProcessEnvironment = (base: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): NodeJS.ProcessEnv => {
  if (platform !== 'linux') return base
  return { MALLOC_TRIM_THRESHOLD_: '65536', MALLOC_TOP_PAD_: '0', ...base }
}
