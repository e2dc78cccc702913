import Taro from '@tarojs/taro'
import type { SubscriptionTemplates } from '@contract/api'
import { CloudError } from '../cloud-error'
import {
  askToSubscribe,
  preloadSubscribeTemplates,
  requestSubscriptions,
  resetSubscribeTemplates,
} from '../subscribe'
import { answer, payloadsOf, resetCloud } from '../../../test/dom/cloud'

jest.mock('../call-cloud', () => ({ callCloud: jest.fn() }))

// As the server pairs them (cloudfunctions/_shared/reminder-config.json `prompts`).
const templates: SubscriptionTemplates = {
  kinds: [],
  prompts: [
    { moment: 'checkin', templateIds: ['tpl-milestone-deadline'] },
    { moment: 'lecture', templateIds: ['tpl-study-reminder'] },
    {
      moment: 'approve',
      templateIds: ['tpl-approval-waiting', 'tpl-overdue-escalation', 'tpl-weekly-digest'],
    },
    { moment: 'review', templateIds: [] },
  ],
}

const requestSubscribeMessage = Taro.requestSubscribeMessage as unknown as jest.Mock
const fetchMock = jest.fn<Promise<Response>, [RequestInfo | URL, RequestInit?]>()
const originalEnv = process.env.TARO_ENV
const granted = (body: unknown) => ({
  credits: (body as { templateIds: string[] }).templateIds.map((t) => ({ templateId: t, count: 1 })),
})

function jsonResponse(status: number, body: unknown): Response {
  return { status, ok: status < 400, json: async () => body } as unknown as Response
}

beforeAll(() => {
  global.fetch = fetchMock as unknown as typeof fetch
})

beforeEach(() => {
  resetCloud()
  resetSubscribeTemplates()
  fetchMock.mockReset()
  requestSubscribeMessage.mockReset()
  requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok' })
})

afterAll(() => {
  process.env.TARO_ENV = originalEnv
})

describe('askToSubscribe on WeChat', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })

  it('asks for the moment’s templates and records only the ones the person accepted', async () => {
    answer({ 'messages.templates': templates, 'messages.grantSubscriptions': granted })
    requestSubscribeMessage.mockResolvedValue({
      errMsg: 'requestSubscribeMessage:ok',
      'tpl-approval-waiting': 'accept',
      'tpl-overdue-escalation': 'reject',
      'tpl-weekly-digest': 'ban',
    })

    await askToSubscribe('approve')

    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1)
    expect(requestSubscribeMessage.mock.calls[0][0]).toEqual({
      tmplIds: ['tpl-approval-waiting', 'tpl-overdue-escalation', 'tpl-weekly-digest'],
    })
    expect(payloadsOf('messages.grantSubscriptions')).toEqual([{ templateIds: ['tpl-approval-waiting'] }])
  })

  it('opens WeChat’s dialog within the tap, before anything is awaited, once the templates are loaded', async () => {
    answer({ 'messages.templates': templates, 'messages.grantSubscriptions': granted })
    preloadSubscribeTemplates()
    await new Promise((resolve) => setTimeout(resolve, 0))

    const asked = askToSubscribe('checkin')
    // Synchronously: WeChat refuses a request made after the tap's handler has returned.
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tpl-milestone-deadline'] })
    await asked
    expect(payloadsOf('messages.templates')).toHaveLength(1)
  })

  it('loads the templates once and asks nothing when the moment has none or nothing was accepted', async () => {
    answer({ 'messages.templates': templates, 'messages.grantSubscriptions': granted })

    await askToSubscribe('review')
    expect(requestSubscribeMessage).not.toHaveBeenCalled()

    await askToSubscribe('lecture')
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tpl-study-reminder'] })
    expect(payloadsOf('messages.grantSubscriptions')).toEqual([])
    expect(payloadsOf('messages.templates')).toHaveLength(1)
  })

  it('never throws: a failed load is tried again at the next tap, a refused dialog or grant is swallowed', async () => {
    answer({
      'messages.templates': [new CloudError('NETWORK'), templates],
      'messages.grantSubscriptions': new CloudError('INTERNAL'),
    })

    await expect(askToSubscribe('checkin')).resolves.toBeUndefined()
    expect(requestSubscribeMessage).not.toHaveBeenCalled()

    requestSubscribeMessage.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 })
    await expect(askToSubscribe('checkin')).resolves.toBeUndefined()
    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1)

    requestSubscribeMessage.mockResolvedValueOnce({ 'tpl-milestone-deadline': 'accept' })
    await expect(askToSubscribe('checkin')).resolves.toBeUndefined()
    expect(payloadsOf('messages.grantSubscriptions')).toEqual([{ templateIds: ['tpl-milestone-deadline'] }])
    expect(payloadsOf('messages.templates')).toHaveLength(2)
  })

  it('asks for at most 3 distinct templates in one dialog', async () => {
    answer({ 'messages.grantSubscriptions': granted })
    requestSubscribeMessage.mockResolvedValue({ a: 'accept', b: 'accept', c: 'accept', d: 'accept' })

    await expect(requestSubscriptions(['a', 'b', 'a', 'c', 'd'])).resolves.toEqual(['a', 'b', 'c'])
    expect(requestSubscribeMessage.mock.calls[0][0]).toEqual({ tmplIds: ['a', 'b', 'c'] })
  })
})

describe('askToSubscribe in the browser (localcloud)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5'
  })

  it('lets the gateway stand in for WeChat’s accept, then records the same ids', async () => {
    answer({ 'messages.templates': templates, 'messages.grantSubscriptions': granted })
    fetchMock.mockResolvedValue(
      jsonResponse(200, { ok: true, data: { granted: ['tpl-milestone-deadline'] } }),
    )

    await askToSubscribe('checkin')

    expect(requestSubscribeMessage).not.toHaveBeenCalled()
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/dev/subscribe')
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin' })
    expect(JSON.parse(String(init?.body))).toEqual({ templateIds: ['tpl-milestone-deadline'] })
    expect(payloadsOf('messages.grantSubscriptions')).toEqual([{ templateIds: ['tpl-milestone-deadline'] }])
  })

  it('records nothing when the gateway refuses, and still does not throw', async () => {
    answer({ 'messages.templates': templates, 'messages.grantSubscriptions': granted })
    fetchMock.mockResolvedValueOnce(jsonResponse(401, { ok: false, code: 'UNAUTHENTICATED' }))
    await expect(askToSubscribe('approve')).resolves.toBeUndefined()

    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    await expect(requestSubscriptions(['tpl-weekly-digest'])).resolves.toEqual([])
    expect(payloadsOf('messages.grantSubscriptions')).toEqual([])
  })

  it('loads nothing ahead: only WeChat needs the ids before the tap', () => {
    answer({ 'messages.templates': templates })
    preloadSubscribeTemplates()
    expect(payloadsOf('messages.templates')).toEqual([])
  })
})
