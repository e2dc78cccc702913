import { hoursText, rateText } from '../figure-words'
import { mediaDuration, mediaFileProblem } from '../media-file'
import { mediaFraction, readFraction, studyProgress } from '../study-progress'
import { clockText, dayText, minutesOf, progressWord, remainingWords } from '../study-words'
import { lecture, SAFETY_QUIZ, study } from './fixtures'

describe('progressWord', () => {
  it('says 未开始, 已学 N% (never rounded up), 待测验 and 已学完 in words', () => {
    expect(progressWord(null, false)).toBe('未开始')
    expect(progressWord(study({ progress: 0, studySeconds: 0 }), false)).toBe('未开始')
    expect(progressWord(study({ progress: 0.4 }), false)).toBe('已学 40%')
    expect(progressWord(study({ progress: 0.999 }), false)).toBe('已学 99%')
    expect(progressWord(study({ progress: 0.29 }), false)).toBe('已学 29%')
    const read = study({ progress: 1, quiz: { attempts: 1, bestScore: 33, passed: false } })
    expect(progressWord(read, true)).toBe('已学 100% · 待测验')
    expect(progressWord(study({ progress: 1, completed: true }), true)).toBe('已学完')
  })
})

describe('times and days', () => {
  it('shows a session as mm:ss, counted time in whole minutes, and a deadline as a day', () => {
    expect(clockText(0)).toBe('00:00')
    expect(clockText(135.7)).toBe('02:15')
    expect(clockText(3725)).toBe('1:02:05')
    expect(minutesOf(119)).toBe(1)
    expect(dayText('2026-12-10', 2026)).toBe('12月10日')
    expect(dayText('2027-01-05', 2026)).toBe('2027年1月5日')
  })
})

describe('remainingWords', () => {
  const l = { ...lecture({ quiz: SAFETY_QUIZ, minStudySeconds: 120 }), hasBody: true }

  it('says what is still needed, in the order a member goes through it', () => {
    expect(
      remainingWords(l, { progress: 0.5, studySeconds: 30, completed: false, quizPassed: false }),
    ).toEqual(['还需读完全文或听完音频', '还需学习 2 分钟', '还需通过测验（60 分及格）'])
    expect(
      remainingWords(l, { progress: 0.96, studySeconds: 120, completed: false, quizPassed: false }),
    ).toEqual(['还需通过测验（60 分及格）'])
    expect(remainingWords(l, { progress: 1, studySeconds: 500, completed: true, quizPassed: true })).toEqual(
      [],
    )
  })

  it('names the only way through a lecture without text', () => {
    const video = {
      ...lecture({ media: { kind: 'video', fileId: 'cloud://x/y.mp4', durationSeconds: 60 } }),
      hasBody: false,
    }
    expect(
      remainingWords(video, { progress: 0, studySeconds: 60, completed: false, quizPassed: false }),
    ).toEqual(['还需看完视频'])
  })
})

describe('study progress', () => {
  it('reads the share of the body above the bottom of the window, and media by its position', () => {
    expect(readFraction(null, 600)).toBe(0)
    expect(readFraction({ top: 200, height: 2000 }, 600)).toBeCloseTo(0.2)
    expect(readFraction({ top: -1500, height: 2000 }, 600)).toBe(1)
    expect(readFraction({ top: 100, height: 300 }, 600)).toBe(1)
    expect(mediaFraction(30, 120)).toBe(0.25)
    expect(mediaFraction(30, null)).toBe(0)
    expect(studyProgress(0.2, 0.25)).toBe(0.25)
    expect(studyProgress(0.9, 0.25)).toBe(0.9)
  })
})

describe('media files', () => {
  it('checks type and size before uploading, from the name, the path or the MIME type', () => {
    expect(mediaFileProblem('audio', { path: 'wxfile://tmp_1.mp3', name: '党课.MP3', size: 1000 })).toBeNull()
    expect(mediaFileProblem('audio', { path: 'wxfile://tmp_1.wav', name: '党课.wav', size: 1000 })).toBe(
      '音频只能是 MP3、M4A 或 AAC 文件',
    )
    expect(mediaFileProblem('video', { path: 'blob:http://x/123', type: 'video/mp4', size: 1000 })).toBeNull()
    expect(mediaFileProblem('video', { path: 'blob:http://x/123', type: 'video/quicktime', size: 1 })).toBe(
      '视频只能是 MP4 文件',
    )
    expect(mediaFileProblem('video', { path: 'a.mp4', size: 60 * 1024 * 1024 })).toBe('视频不能超过 50 MB')
    expect(mediaFileProblem('audio', { path: 'a.m4a', size: 21 * 1024 * 1024 })).toBe('音频不能超过 20 MB')
    expect(mediaDuration(12.6)).toBe(13)
    expect(mediaDuration(undefined)).toBeNull()
  })
})

describe('figure words', () => {
  it('shows hours to one decimal and a completion rate rounded down, or 暂无学员', () => {
    expect(hoursText(1.5)).toBe('1.5')
    expect(hoursText(2)).toBe('2')
    expect(rateText(0.25)).toBe('25%')
    expect(rateText(0.999)).toBe('99%')
    expect(rateText(null)).toBe('暂无学员')
  })
})
