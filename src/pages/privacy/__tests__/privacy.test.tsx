import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setRouterParams } from '../../../../test/mocks/taro'
import { listenForPrivacyAuthorization } from '@/services/privacy'
import PrivacyPage from '../index'

describe('隐私保护指引', () => {
  it('lists what the app uses and why', () => {
    setRouterParams({})
    render(<PrivacyPage />)
    expect(screen.getByText('位置信息')).toBeInTheDocument()
    expect(screen.getByText(/打卡写实时标注活动地点/)).toBeInTheDocument()
    expect(screen.queryByText('同意')).not.toBeInTheDocument()
  })

  it('answers WeChat’s question when the person agrees', () => {
    const originalEnv = process.env.TARO_ENV
    let ask: ((resolve: (r: unknown) => void) => void) | undefined
    ;(globalThis as { wx?: unknown }).wx = { onNeedPrivacyAuthorization: (cb: typeof ask) => (ask = cb) }
    process.env.TARO_ENV = 'weapp'
    listenForPrivacyAuthorization()
    process.env.TARO_ENV = originalEnv
    const resolve = jest.fn()
    ask?.(resolve)
    setRouterParams({ ask: '1' })
    render(<PrivacyPage />)
    fireEvent.click(screen.getByText('同意'))
    expect(resolve).toHaveBeenCalledWith({ event: 'agree', buttonId: 'privacy-agree' })
    expect(Taro.navigateBack).toHaveBeenCalled()
    delete (globalThis as { wx?: unknown }).wx
  })
})
