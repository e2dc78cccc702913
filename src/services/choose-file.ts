import Taro from '@tarojs/taro'

/** A file the person picked: a local path uploadFile can send, and its name as they know it. */
export interface PickedFile {
  path: string
  name: string
}

/**
 * One file of the given extensions: in WeChat from a chat (chooseMessageFile, which rejects when closed or
 * refused); in the browser build, which Taro H5 gives no such chooser, from the computer's own file picker
 * (null when closed).
 */
export async function chooseFile(extensions: readonly string[]): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...extensions] })
    const f = res.tempFiles[0]
    return f ? { path: f.path, name: f.name } : null
  }
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = extensions.map((e) => `.${e}`).join(',')
    input.style.display = 'none'
    const done = (picked: PickedFile | null) => {
      input.remove()
      resolve(picked)
    }
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      done(file ? { path: URL.createObjectURL(file), name: file.name } : null)
    })
    input.addEventListener('cancel', () => done(null))
    document.body.appendChild(input)
    input.click()
  })
}
