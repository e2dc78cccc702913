import { SUBSCRIBE_VALUE_LIMITS, fieldTypeOf, fitValue, templateData } from '../subscribe-message'

describe('fieldTypeOf', () => {
  it('reads the type from the key', () => {
    expect(fieldTypeOf('thing1')).toBe('thing')
    expect(fieldTypeOf('character_string12')).toBe('character_string')
    expect(fieldTypeOf('phrase3')).toBe('phrase')
    expect(fieldTypeOf('thing')).toBeNull()
    expect(fieldTypeOf('colour1')).toBeNull()
    expect(fieldTypeOf('constructor1')).toBeNull()
  })
})

describe('fitValue (WeChat per-type length limits)', () => {
  it('keeps values within the limit as they are', () => {
    expect(fitValue('thing', '建立临时任务责任人台账')).toBe('建立临时任务责任人台账')
    expect(fitValue('date', '2026年11月30日')).toBe('2026年11月30日')
  })

  it('cuts a thing to 20 characters, ending in …', () => {
    const long = '组建党员抢修突击队城区故障报修由党员带队抢修到场'
    const fitted = fitValue('thing', long)
    expect([...fitted]).toHaveLength(SUBSCRIBE_VALUE_LIMITS.thing)
    expect(fitted).toBe('组建党员抢修突击队城区故障报修由党员带…')
  })

  it('counts characters, not UTF-16 units', () => {
    const fitted = fitValue('thing', '𠮷'.repeat(25))
    expect([...fitted]).toHaveLength(20)
    expect(fitted.endsWith('…')).toBe(true)
  })

  it('allows a name 10 汉字, or 20 plain letters', () => {
    expect(fitValue('name', '欧阳诸葛司马上官东方西门')).toBe('欧阳诸葛司马上官东方')
    expect(fitValue('name', 'Alexander Hamilton-Burr')).toBe('Alexander Hamilton-B')
  })

  it('keeps a phrase to 5 汉字 and a number to digits', () => {
    expect(fitValue('phrase', '即将到期')).toBe('即将到期')
    expect(fitValue('phrase', '逾期 3 天未提交')).toBe('逾期天未提')
    expect(fitValue('number', '共 12 个')).toBe('12')
  })

  it('collapses whitespace and never answers an empty value', () => {
    expect(fitValue('thing', '  第一行\n第二行  ')).toBe('第一行 第二行')
    expect(fitValue('thing', '   ')).toBe('无')
    expect(fitValue('phrase', 'abc')).toBe('无')
    expect(fitValue('number', '')).toBe('0')
    expect(fitValue('date', '')).toBe('-')
  })
})

describe('templateData', () => {
  it('fills each configured field from the named value or fixed text, fitted to its type', () => {
    const data = templateData(
      {
        thing1: { from: 'title' },
        thing2: { text: '立项申请' },
        date3: { from: 'deadline' },
        phrase4: { from: 'status' },
        name5: { from: 'person' },
      },
      { title: '一二三四五六七八九十一二三四五六七八九十一', deadline: '2026年12月1日', status: '已逾期' },
    )
    expect(data).toEqual({
      thing1: { value: '一二三四五六七八九十一二三四五六七八九…' },
      thing2: { value: '立项申请' },
      date3: { value: '2026年12月1日' },
      phrase4: { value: '已逾期' },
      name5: { value: '无' },
    })
  })
})
