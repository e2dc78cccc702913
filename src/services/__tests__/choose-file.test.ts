import { chooseFile } from '../choose-file'

const input = () => document.body.querySelector('input[type=file]') as HTMLInputElement

describe('chooseFile in the browser build', () => {
  beforeAll(() => {
    URL.createObjectURL = jest.fn(() => 'blob:picked')
  })

  it("offers the computer's picker for the extensions, answers the file picked and leaves no input behind", async () => {
    const picked = chooseFile(['xlsx'])
    expect(input().accept).toBe('.xlsx')
    const file = new File(['x'], '党员名册.xlsx')
    Object.defineProperty(input(), 'files', { value: [file] })
    input().dispatchEvent(new Event('change'))
    await expect(picked).resolves.toEqual({ path: 'blob:picked', name: '党员名册.xlsx' })
    expect(input()).toBeNull()
  })

  it('answers null when the picker is closed', async () => {
    const picked = chooseFile(['xlsx', 'xls'])
    expect(input().accept).toBe('.xlsx,.xls')
    input().dispatchEvent(new Event('cancel'))
    await expect(picked).resolves.toBeNull()
    expect(input()).toBeNull()
  })
})
