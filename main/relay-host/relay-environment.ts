/**
 * The environment the relay process starts with. On Linux it asks glibc to give freed memory back
 * to the system: the relay's buffers are allocated with malloc, and glibc otherwise raises its trim
 * threshold as large buffers come and go, so an idle relay kept tens of MiB that a busy hour had
 * freed (bench/README.md, the scale load). glibc reads these only when a process starts, which is
 * why the launcher sets them rather than the relay. Values already in `base` are kept.
 */
export const relayProcessEnvironment = (base: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): NodeJS.ProcessEnv => {
  if (platform !== 'linux') return base
  return { MALLOC_TRIM_THRESHOLD_: '65536', MALLOC_TOP_PAD_: '0', ...base }
}
