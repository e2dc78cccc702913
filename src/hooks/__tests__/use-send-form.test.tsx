import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { useSendForm } from '@/hooks/use-send-form'
import { CloudError } from '@/services/cloud-error'

/** A page that sends one thing: a button, where the send is, and what went wrong. */
function Page({ work }: { work: (say: (progress: string) => void) => Promise<string> }) {
  const form = useSendForm()
  return (
    <div>
      <button type="button" disabled={form.sending} onClick={() => void form.send(work)}>
        发布
      </button>
      {form.progress ? <p>{form.progress}</p> : null}
      {form.error ? <p role="alert">{form.error}</p> : null}
    </div>
  )
}

describe('useSendForm (a page that sends what it holds, then goes back)', () => {
  beforeEach(() => {
    ;(Taro.navigateBack as jest.Mock).mockClear()
    ;(Taro.showToast as jest.Mock).mockClear()
  })

  it('says where the send is, then the toast it answers, and goes back', async () => {
    let finish: () => void = () => undefined
    render(
      <Page
        work={async (say) => {
          say('正在上传第 1/2 张照片…')
          await new Promise<void>((resolve) => (finish = resolve))
          return '已发布'
        }}
      />,
    )
    fireEvent.click(screen.getByRole('button', { name: '发布' }))
    expect(await screen.findByText('正在上传第 1/2 张照片…')).toBeTruthy()
    expect(screen.getByRole('button', { name: '发布' })).toHaveProperty('disabled', true)
    await act(async () => finish())
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已发布' }))
    expect(Taro.navigateBack).toHaveBeenCalledTimes(1)
    expect(screen.queryByText('正在上传第 1/2 张照片…')).toBeNull()
  })

  it('says why a send failed and stays on the page, ready to try again', async () => {
    render(
      <Page
        work={async () => {
          throw new CloudError('NETWORK', '网络不给力，请稍后重试')
        }}
      />,
    )
    fireEvent.click(screen.getByRole('button', { name: '发布' }))
    expect((await screen.findByRole('alert')).textContent).toBe('网络不给力，请稍后重试')
    expect(Taro.navigateBack).not.toHaveBeenCalled()
    expect(Taro.showToast).not.toHaveBeenCalled()
    expect(screen.getByRole('button', { name: '发布' })).toHaveProperty('disabled', false)
  })
})
