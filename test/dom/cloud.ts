/**
 * Canned answers for callCloud in DOM tests. The test file must `jest.mock('@/services/call-cloud', …)`
 * itself (jest hoists it there); these helpers then drive the mocked function.
 */
import { callCloud } from '@/services/call-cloud'

type Answer = unknown | ((payload: unknown) => unknown)
export type Routes = Record<string, Answer | Answer[]>

const mockCall = () => callCloud as unknown as jest.Mock

/** Answers callCloud by "fn.action"; a list answers successive calls in turn; an Error is thrown. */
export function answer(routes: Routes): void {
  const counts: Record<string, number> = {}
  mockCall().mockImplementation(async (fn: string, action: string, payload: unknown) => {
    const key = `${fn}.${action}`
    if (!(key in routes)) throw new Error(`unexpected call ${key}`)
    const route = routes[key]
    const n = counts[key] ?? 0
    counts[key] = n + 1
    const step = Array.isArray(route) ? route[Math.min(n, route.length - 1)] : route
    const value = typeof step === 'function' ? (step as (p: unknown) => unknown)(payload) : step
    if (value instanceof Error) throw value
    return value
  })
}

/** The payloads of every call to "fn.action", in order. */
export const payloadsOf = (key: string): unknown[] =>
  mockCall()
    .mock.calls.filter(([fn, action]) => `${fn}.${action}` === key)
    .map((call) => call[2])

export const resetCloud = (): void => {
  mockCall().mockReset()
}
