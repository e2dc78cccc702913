import { act, renderHook } from '@testing-library/react'
import type { RosterImportView } from '@contract/api'
import { callCloud } from '@/services/call-cloud'
import { CloudError } from '@/services/cloud-error'
import { uploadFile } from '@/services/upload-file'
import { useRosterImport } from '../use-roster-import'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))
jest.mock('@/services/upload-file', () => ({ uploadFile: jest.fn() }))
const call = callCloud as jest.MockedFunction<typeof callCloud>
const upload = uploadFile as jest.MockedFunction<typeof uploadFile>

const view = (over: Partial<RosterImportView>): RosterImportView => ({
  committed: false,
  summary: { total: 1, create: 1, update: 0, unchanged: 0, errors: 0 },
  rows: [{ row: 2, name: '赵新民', action: 'create', errors: [] }],
  ...over,
})

beforeEach(() => {
  call.mockReset()
  upload.mockReset()
})

describe('useRosterImport', () => {
  it('uploads the file, previews it, then imports the same file', async () => {
    upload.mockResolvedValue('cloud://env.b/uploads/p057/abcdefgh12.xlsx')
    call.mockResolvedValueOnce(view({})).mockResolvedValueOnce(view({ committed: true }))
    const { result } = renderHook(() => useRosterImport())

    await act(() => result.current.check('wxfile://tmp/名册.xlsx', 'p057'))
    expect(upload).toHaveBeenCalledWith('wxfile://tmp/名册.xlsx', 'p057')
    expect(call).toHaveBeenLastCalledWith('org', 'importRoster', {
      fileId: 'cloud://env.b/uploads/p057/abcdefgh12.xlsx',
      commit: false,
    })
    expect(result.current.step).toBe('preview')

    await act(() => result.current.commit())
    expect(call).toHaveBeenLastCalledWith('org', 'importRoster', {
      fileId: 'cloud://env.b/uploads/p057/abcdefgh12.xlsx',
      commit: true,
    })
    expect(result.current.step).toBe('done')
    expect(result.current.result?.committed).toBe(true)
  })

  it('goes back to choosing a file, saying why, when the file is refused', async () => {
    upload.mockResolvedValue('cloud://env.b/uploads/p057/abcdefgh12.xlsx')
    call.mockRejectedValueOnce(new CloudError('INVALID_INPUT', '名册第 1 行缺少列：手机号'))
    const { result } = renderHook(() => useRosterImport())
    await act(() => result.current.check('wxfile://tmp/a.xlsx', 'p057'))
    expect(result.current.step).toBe('choose')
    expect(result.current.error).toBe('名册第 1 行缺少列：手机号')
  })
})
