import Taro from '@tarojs/taro'
import { openSpreadsheet } from '../open-document'

const taro = Taro as unknown as Record<string, jest.Mock>

describe('openSpreadsheet', () => {
  const env = process.env.TARO_ENV
  afterEach(() => {
    process.env.TARO_ENV = env
  })

  it('in WeChat downloads the file, then opens it as xlsx with the share menu', async () => {
    process.env.TARO_ENV = 'weapp'
    taro.downloadFile = jest.fn(async () => ({ statusCode: 200, tempFilePath: 'wxfile://tmp/ledger.xlsx' }))
    taro.openDocument = jest.fn(async () => ({}))
    const stages: string[] = []
    await openSpreadsheet('https://tcb.example/ledger.xlsx', '管理台账.xlsx', (s) => stages.push(s))
    expect(taro.downloadFile).toHaveBeenCalledWith({ url: 'https://tcb.example/ledger.xlsx' })
    expect(taro.openDocument).toHaveBeenCalledWith({
      filePath: 'wxfile://tmp/ledger.xlsx',
      fileType: 'xlsx',
      showMenu: true,
    })
    expect(stages).toEqual(['downloading', 'opening'])
  })

  it('in WeChat fails when the download does not answer 200', async () => {
    process.env.TARO_ENV = 'weapp'
    taro.downloadFile = jest.fn(async () => ({ statusCode: 404, tempFilePath: '' }))
    taro.openDocument = jest.fn()
    await expect(openSpreadsheet('https://x/y.xlsx', 'y.xlsx')).rejects.toThrow()
    expect(taro.openDocument).not.toHaveBeenCalled()
  })

  it('on H5 lets the browser download it under its Chinese name', async () => {
    process.env.TARO_ENV = 'h5'
    const clicked: { href: string; download: string }[] = []
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.href, download: this.download })
    })
    await openSpreadsheet('http://127.0.0.1:8787/files/exports/p1/a.xlsx', '管理台账-营销党支部-2026年.xlsx')
    expect(clicked).toEqual([
      { href: 'http://127.0.0.1:8787/files/exports/p1/a.xlsx', download: '管理台账-营销党支部-2026年.xlsx' },
    ])
    expect(document.querySelector('a[download]')).toBeNull()
    click.mockRestore()
  })
})
