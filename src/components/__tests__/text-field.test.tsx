import { useState } from 'react'
import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { TextField, optionalParagraph, paragraph } from '../TextField'
import { ChecklistEditor } from '@/features/plan/components/ChecklistEditor'

function Field({ limit, multiline = false }: { limit: number; multiline?: boolean }) {
  const [value, setValue] = useState('')
  return (
    <TextField label="口号" value={value} limit={limit} onChange={setValue} multiline={multiline} required />
  )
}

describe('input cut to its limit', () => {
  it('says how much of a paste was cut, instead of cutting without a word', () => {
    render(<Field limit={10} />)
    const input = screen.getByLabelText('口号')
    expect(input.closest('.nut-input')).toHaveClass('text-field__input')
    // NutUI's own clear icon is an <i>, which no weapp template draws: the field must hand it something else.
    expect(input.closest('.nut-input')!.querySelector('i')).toBeNull()
    // The control lets a long paste through whole, so the app can cut it and say so.
    expect(Number(input.getAttribute('maxlength'))).toBeGreaterThan(10)
    fireEvent.change(input, { target: { value: '电力先锋服务万家ABCDEFGHIJ' } })
    expect(input).toHaveValue('电力先锋服务万家AB')
    expect(screen.getByText('最多 10 字，已截去超出的 8 字')).toBeInTheDocument()
    fireEvent.change(input, { target: { value: '电力先锋' } })
    expect(screen.queryByText(/已截去/)).not.toBeInTheDocument()
  })

  it('is a NutUI TextArea when multiline, labelled, counting, and saying what a paste lost and when it is full', () => {
    render(<Field limit={6} multiline />)
    expect(screen.getByText('（必填）')).toBeInTheDocument()
    const area = screen.getByLabelText('口号')
    expect(area.tagName).toBe('TEXTAREA')
    expect(area.closest('.nut-textarea')).toHaveClass('text-field__input--multiline')
    expect(screen.getByPlaceholderText('请填写口号')).toBe(area)
    expect(screen.getByText('0/6')).toBeInTheDocument()
    fireEvent.change(area, { target: { value: '电力先锋服务万家' } })
    expect(area).toHaveValue('电力先锋服务')
    expect(screen.getByText('6/6')).toHaveClass('text-field__counter--full')
    expect(screen.getByText('最多 6 字，已截去超出的 2 字')).toBeInTheDocument()
    fireEvent.change(area, { target: { value: '电力先锋服' } })
    fireEvent.change(area, { target: { value: '电力先锋服务' } })
    expect(screen.queryByText(/已截去/)).not.toBeInTheDocument()
    expect(screen.getByText('已达字数上限 6 字')).toBeInTheDocument()
  })

  it('tells the secretary when a checklist item was cut', () => {
    const onChange = jest.fn()
    render(
      <ChecklistEditor
        items={[{ key: 'c1', text: '', done: false }]}
        disabled={false}
        onChange={onChange}
        onAdd={jest.fn()}
        onRemove={jest.fn()}
      />,
    )
    fireEvent.change(screen.getByPlaceholderText('清单第 1 项'), { target: { value: '很'.repeat(130) } })
    expect(onChange).toHaveBeenCalledWith('c1', { text: '很'.repeat(100) })
    expect(Taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '最多 100 字，已截去超出的 30 字' }),
    )
  })
})

describe('paragraph presets', () => {
  it('draw a required or an optional textarea with the label, limit and placeholder they fix', () => {
    render(
      <>
        <TextField {...paragraph('结题总结', 8, '写明成效')} value="" onChange={jest.fn()} />
        <TextField {...optionalParagraph('意见', 5)} value="" onChange={jest.fn()} />
      </>,
    )
    const summary = screen.getByLabelText('结题总结')
    expect(summary.tagName).toBe('TEXTAREA')
    expect(summary).toHaveAttribute('placeholder', '写明成效')
    expect(screen.getByText('0/8')).toBeInTheDocument()
    const comment = screen.getByLabelText('意见')
    expect(comment.tagName).toBe('TEXTAREA')
    expect(comment).toHaveAttribute('placeholder', '请填写意见')
    expect(screen.getByText('0/5')).toBeInTheDocument()
    // Only the required one says so.
    expect(screen.getAllByText('（必填）')).toHaveLength(1)
    expect(summary.closest('.text-field')).toContainElement(screen.getByText('（必填）'))
  })
})
