import { refreshText } from '../words'

describe('立即刷新 says what it did', () => {
  const now = Date.parse('2026-12-04T10:00:00.000Z')
  it.each([
    [{ refreshed: true, unchanged: false, nextAt: '2026-12-04T10:01:00.000Z' }, '已刷新'],
    [{ refreshed: true, unchanged: true, nextAt: '2026-12-04T10:01:00.000Z' }, '数据已是最新'],
    [
      { refreshed: false, unchanged: false, nextAt: '2026-12-04T10:00:41.200Z' },
      '刚刚刷新过，请 42 秒后再试',
    ],
    [{ refreshed: false, unchanged: false, nextAt: '2026-12-04T09:59:59.000Z' }, '刚刚刷新过，请 1 秒后再试'],
  ])('%j → %s', (result, text) => {
    expect(refreshText(result, now)).toBe(text)
  })
})
