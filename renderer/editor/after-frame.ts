/**
 * Runs `callback` once the next frame has been drawn (a task posted from an animation frame
 * callback runs after that frame's rendering); returns what cancels it. For work that follows a
 * keystroke but need not delay its character on screen: the toolbar's buttons, the cursor sent to
 * the others, the side panels.
 */
export const afterNextFrame = (callback: () => void): (() => void) => {
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0)
  })
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}
