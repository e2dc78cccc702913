import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadFunctions } from '../../../localcloud/functions'
import { REMINDER_KINDS, SUBSCRIBE_MOMENTS } from '../../../types/entities'
import { parseReminderConfig, promptTemplateIds, reminderConfig } from '../../_shared/reminder-config'
import raw from '../../_shared/reminder-config.json'

const root = join(__dirname, '..', '..', '..')

describe('reminder-config.json', () => {
  it('configures every kind and asks for at most 3 templates at each tap', () => {
    expect(Object.keys(reminderConfig.kinds).sort()).toEqual([...REMINDER_KINDS].sort())
    for (const moment of SUBSCRIBE_MOMENTS) {
      const ids = promptTemplateIds(reminderConfig, moment)
      expect(ids.length).toBeGreaterThanOrEqual(1)
      expect(ids.length).toBeLessThanOrEqual(3)
    }
    expect(reminderConfig.rules).toMatchObject({
      dueSoonDays: 3,
      escalateAfterDays: 2,
      quietHours: { start: '22:00', end: '07:00' },
    })
  })

  const broken = (change: (c: typeof raw) => void) => {
    const copy = JSON.parse(JSON.stringify(raw)) as typeof raw
    change(copy)
    return () => parseReminderConfig(copy)
  }

  it('refuses field keys WeChat has no type for, and fixed text too long for its type', () => {
    expect(
      broken((c) => {
        ;(c.kinds.milestone_due.fields as Record<string, unknown>).colour1 = { from: 'title' }
      }),
    ).toThrow('kinds.milestone_due.fields.colour1: 不是微信的字段类型')
    expect(
      broken((c) => {
        ;(c.kinds.proposal_waiting.fields as Record<string, unknown>).phrase5 = { text: '等待党委审批中' }
      }),
    ).toThrow('固定文字超出该类型的长度或字符限制')
  })

  it('refuses a tap that would ask for more than 3 templates, and unknown kinds or values', () => {
    expect(
      broken((c) => {
        c.prompts.checkin = ['milestone_due', 'milestone_escalated', 'approval_waiting', 'lecture_due']
      }),
    ).toThrow('prompts.checkin 超过 3 个模板')
    expect(
      broken((c) => {
        ;(c.kinds.milestone_due.fields as Record<string, unknown>).thing1 = { from: 'phone' }
      }),
    ).toThrow('reminder-config.json 无效')
    expect(
      broken((c) => {
        c.rules.quietHours.start = '25:00'
      }),
    ).toThrow('rules.quietHours.start')
  })
})

describe('deployment of the sweep', () => {
  const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as {
    functions: { name: string; timeout: number; triggers?: unknown[] }[]
  }
  const deployed = rc.functions.find((f) => f.name === 'reminders')
  const config = JSON.parse(
    readFileSync(join(root, 'cloudfunctions', 'reminders', 'config.json'), 'utf8'),
  ) as {
    triggers: { name: string; type: string; config: string }[]
    permissions: { openapi: string[] }
  }

  it('fires every 10 minutes (7-field cron) with the subscribe-message permission and a raised timeout', () => {
    expect(config.triggers).toEqual([{ name: 'sweep', type: 'timer', config: '0 */10 * * * * *' }])
    expect(config.permissions.openapi).toEqual(['subscribeMessage.send'])
    expect(deployed?.triggers).toEqual(config.triggers)
    expect(deployed?.timeout).toBeGreaterThanOrEqual(30)
  })

  it('runs on localcloud with the timeout it is deployed with', () => {
    const functions = loadFunctions(join(root, 'build', 'cloudfunctions'))
    expect(functions.get('reminders')?.config.timeout).toBe(deployed?.timeout)
    expect(functions.get('reminders')?.config.triggers).toEqual(config.triggers)
    expect(functions.get('messages')?.config.timeout).toBe(5)
  })
})
