import Taro from '@tarojs/taro'
import { cloudInitOptions, initCloud } from '../cloud-init'

const originalEnv = process.env.TARO_ENV
afterEach(() => {
  process.env.TARO_ENV = originalEnv
})

describe('cloud.init', () => {
  it('passes the built-in env id, and no env at all without one (the default environment)', () => {
    expect(cloudInitOptions('prod-7g8h9i')).toEqual({ env: 'prod-7g8h9i', traceUser: true })
    expect(cloudInitOptions('')).toEqual({ traceUser: true })
    expect(cloudInitOptions('')).not.toHaveProperty('env')
  })

  it('initialises on weapp only', () => {
    const init = jest.fn()
    ;(Taro as unknown as { cloud: { init: jest.Mock } }).cloud.init = init
    process.env.TARO_ENV = 'h5'
    initCloud('')
    expect(init).not.toHaveBeenCalled()
    process.env.TARO_ENV = 'weapp'
    initCloud('')
    expect(init).toHaveBeenCalledWith({ traceUser: true })
  })
})
