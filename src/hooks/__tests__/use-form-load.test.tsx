import { act, fireEvent, render, screen } from '@testing-library/react'
import { useCallback, useState } from 'react'
import { useFormLoad } from '@/hooks/use-form-load'
import { CloudError } from '@/services/cloud-error'

/** A form as the editors use it: it reads a record into its own state and shows loading, the error, or the title. */
function Form({ id, fetch }: { id?: string; fetch: (id: string) => Promise<string> }) {
  const [title, setTitle] = useState('（新）')
  const read = useCallback(async () => {
    if (id) setTitle(await fetch(id))
  }, [id, fetch])
  const { loading, loadError, reload } = useFormLoad(id ? read : undefined)
  if (loading) return <p>正在加载…</p>
  if (loadError)
    return (
      <button type="button" onClick={reload}>
        {loadError.message}，重试
      </button>
    )
  return <p>标题：{title}</p>
}

describe('useFormLoad (a form reading its record)', () => {
  it('is ready at once for a new record and reads nothing', () => {
    const fetch = jest.fn()
    render(<Form fetch={fetch} />)
    expect(screen.getByText('标题：（新）')).toBeTruthy()
    expect(fetch).not.toHaveBeenCalled()
  })

  it('shows loading until the record is read, then the record', async () => {
    let answer: (title: string) => void = () => undefined
    const fetch = jest.fn(() => new Promise<string>((resolve) => (answer = resolve)))
    render(<Form id="p1" fetch={fetch} />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    await act(async () => answer('张家港供电所'))
    expect(screen.getByText('标题：张家港供电所')).toBeTruthy()
    expect(fetch).toHaveBeenCalledWith('p1')
  })

  it('says why a read failed, and reads again on 重试', async () => {
    const fetch = jest
      .fn<Promise<string>, [string]>()
      .mockRejectedValueOnce(new CloudError('NOT_FOUND', '项目不存在'))
      .mockResolvedValueOnce('第二次读到')
    render(<Form id="p2" fetch={fetch} />)
    const retry = await screen.findByRole('button', { name: '项目不存在，重试' })
    fireEvent.click(retry)
    expect(await screen.findByText('标题：第二次读到')).toBeTruthy()
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  it('reads the new record when the id changes', async () => {
    const fetch = jest.fn(async (id: string) => `记录 ${id}`)
    const { rerender } = render(<Form id="a" fetch={fetch} />)
    expect(await screen.findByText('标题：记录 a')).toBeTruthy()
    rerender(<Form id="b" fetch={fetch} />)
    expect(await screen.findByText('标题：记录 b')).toBeTruthy()
  })
})
