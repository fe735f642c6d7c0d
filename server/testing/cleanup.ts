/**
 * Test support: teardown that a test registers as it creates things (relays, clients, folders).
 * Imported by vitest tests only.
 */
import { afterEach } from 'vitest'

/** A teardown step; it may be async. */
export type CleanupStep = () => Promise<void> | void

/**
 * Returns the list a test pushes its teardown steps onto. After each test they run newest first,
 * so a client is destroyed before the relay it talks to is closed, even when the test failed.
 */
export const cleanupAfterEach = (): CleanupStep[] => {
  const steps: CleanupStep[] = []
  afterEach(async () => {
    for (const step of steps.splice(0).reverse()) await step()
  })
  return steps
}
