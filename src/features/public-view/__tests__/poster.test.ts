import { wrapText } from '../poster'

const ctx = { measureText: (text: string) => ({ width: [...text].length * 10 }) }

describe('poster text', () => {
  it('wraps a title into lines no wider than the poster, the last cut with …', () => {
    expect(wrapText(ctx, '党员干部施工项目', 40, 2)).toEqual(['党员干部', '施工项目'])
    expect(wrapText(ctx, '党员干部施工项目全程负责制', 40, 2)).toEqual(['党员干部', '施工项…'])
    expect(wrapText(ctx, '短', 40, 2)).toEqual(['短'])
  })
})
