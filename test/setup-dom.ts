import { format } from 'node:util'
import '@testing-library/jest-dom'

// React's act(...) warnings fail the test that printed them: each one is an update the test did not wait for,
// so its assertions may have run against a screen that was still changing. Wrap the step in act (or await what
// the page shows) instead of silencing the warning.
const ACT_WARNING = /not wrapped in act\(|not configured to support act\(/
const actWarnings: string[] = []
const printError = console.error.bind(console)
console.error = (...args: unknown[]) => {
  const text = format(...args)
  if (ACT_WARNING.test(text)) actWarnings.push(text.split('\n')[0])
  printError(...args)
}

// Call counts must not leak from one test into the next; implementations set per test stay.
afterEach(() => {
  jest.clearAllMocks()
  const found = actWarnings.splice(0)
  if (found.length > 0)
    throw new Error(`React act(...) warning${found.length > 1 ? 's' : ''} in this test:\n${found.join('\n')}`)
})
