import { reminderConfig } from '../../_shared/reminder-config'
import type { ReminderConfig } from '../../_shared/reminder-config'
import { verifyPush } from '../verify-push'

const send = jest.fn()
jest.mock('../../_shared/cloud', () => ({
  cloud: { openapi: { subscribeMessage: { send: (a: unknown) => send(a) } } },
}))

const OPENID = 'oAbCdEfGhIjKlMnOpQrStUvWxYz0'
/** The repository's config with one real template id, as a company's would be. */
const config: ReminderConfig = {
  ...reminderConfig,
  kinds: {
    ...reminderConfig.kinds,
    approval_waiting: { ...reminderConfig.kinds.approval_waiting, templateId: 'RealTpl_0123456789' },
  },
}

beforeEach(() => {
  send.mockReset()
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
})

describe('verifyPush', () => {
  it('sends one message with the first real template, its fields filled within WeChat’s limits', async () => {
    send.mockResolvedValue({ errCode: 0 })
    const res = await verifyPush({ openid: OPENID }, config)
    expect(res).toEqual({
      ok: true,
      data: {
        sent: true,
        kind: 'approval_waiting',
        templateId: 'RealTpl_0123456789',
        errCode: null,
        errMsg: '',
      },
    })
    expect(send).toHaveBeenCalledTimes(1)
    const args = send.mock.calls[0][0] as { touser: string; data: Record<string, { value: string }> }
    expect(args.touser).toBe(OPENID)
    expect(Object.keys(args.data).sort()).toEqual(Object.keys(config.kinds.approval_waiting.fields).sort())
    expect([...args.data.thing1.value].length).toBeLessThanOrEqual(20)
    expect([...args.data.phrase5.value].length).toBeLessThanOrEqual(5)
  })

  it('answers WeChat’s refusal as data: -604101 when the openapi permission is not registered', async () => {
    send.mockRejectedValue({
      errCode: -604101,
      errMsg: 'openapi.subscribeMessage.send:fail -604101 function has no permission to call this API',
    })
    const res = await verifyPush({ openid: OPENID }, config)
    expect(res).toMatchObject({ ok: true, data: { sent: false, errCode: -604101 } })
    expect((res as { data: { errMsg: string } }).data.errMsg).toContain('no permission')
  })

  it('refuses a malformed openid and placeholder-only templates without sending', async () => {
    expect(await verifyPush({ openid: 'x' }, config)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await verifyPush({ openid: OPENID }, reminderConfig)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    expect(send).not.toHaveBeenCalled()
  })
})
