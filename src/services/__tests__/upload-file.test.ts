import Taro from '@tarojs/taro'
import { uploadFile } from '../upload-file'

const env = process.env.TARO_ENV
afterEach(() => {
  process.env.TARO_ENV = env
})

describe('uploadFile on weapp', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })

  it('puts the file in the person’s own folder under a random name, never the phone’s file name', async () => {
    ;(Taro.cloud.uploadFile as jest.Mock).mockResolvedValue({
      fileID: 'cloud://env.bucket/uploads/p-li/x.mp3',
    })
    await uploadFile('wxfile://tmp/我的录音.MP3', 'p-li')
    const [{ cloudPath, filePath }] = (Taro.cloud.uploadFile as jest.Mock).mock.calls[0]
    expect(filePath).toBe('wxfile://tmp/我的录音.MP3')
    expect(cloudPath).toMatch(/^uploads\/p-li\/[A-Za-z0-9_-]{8,64}\.mp3$/)
  })

  it('names a .jpeg photo .jpg, as the server expects', async () => {
    ;(Taro.cloud.uploadFile as jest.Mock).mockResolvedValue({
      fileID: 'cloud://env.bucket/uploads/p-li/x.jpg',
    })
    await uploadFile('wxfile://tmp/a.jpeg', 'p-li')
    expect((Taro.cloud.uploadFile as jest.Mock).mock.calls[0][0].cloudPath).toMatch(/\.jpg$/)
  })

  it('refuses a type the product does not store before uploading anything', async () => {
    await expect(uploadFile('wxfile://tmp/run.exe', 'p-li')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(Taro.cloud.uploadFile).not.toHaveBeenCalled()
  })

  it('turns a failed upload into a network error the member can retry', async () => {
    ;(Taro.cloud.uploadFile as jest.Mock).mockRejectedValue(new Error('uploadFile:fail'))
    await expect(uploadFile('wxfile://tmp/a.png', 'p-li')).rejects.toMatchObject({ code: 'NETWORK' })
  })
})
