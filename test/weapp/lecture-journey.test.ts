/**
 * A lecture studied for its minimum time and its quiz passed, on the weapp build, by taps. Study time is what
 * really passed on the cloud's clock; the minutes pass by moving Date forward (timers run for real). That clock is
 * shared only with functions running in this process: under the cloud profile they run in worker threads with
 * clocks of their own, so this journey keeps the default profile whatever LOCALCLOUD_PROFILE says.
 */
import { demoOpenid } from '../../localcloud/seed/org'
import { setUpWeappCloud } from './cloud'
import { confirm, tap } from './steps'

const w = setUpWeappCloud({ profile: 'default' })

const LECTURE = '“1+N”安全帮扶：党员身边无违章'

it('a member opens a lecture, studies it to the end, and passes its quiz', async () => {
  // Someone of 运维部党支部 (the lecture's audience) who has not studied it yet.
  const studied = new Set(
    w
      .cloud()
      .db.find('lecture_studies', { lectureId: 'lec-002' })
      .map((s) => s.personId),
  )
  const learner = ['p003', 'p004', 'p006', 'p007'].find((id) => !studied.has(id))
  expect(learner).toBeDefined()
  const member = await w.phone({ personId: learner as string, openid: demoOpenid(learner as string) })
  await tap(member, '微讲坛')
  await member.shows(LECTURE)
  await tap(member, LECTURE)
  expect(member.top.route).toBe('packages/lectures/pages/detail/index')
  await member.shows('参加测验')

  // Reading: the body is taller than the screen; the member scrolls to its end.
  member.layout = () => ({ top: -2400, height: 3000 })
  ;(member.top.onPageScroll as (e: object) => void).call(member.top, { scrollTop: 2400 })
  // Minutes of study pass on the phone's and the cloud's clocks (only Date is faked; timers run for real).
  jest.useFakeTimers({
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  })
  try {
    const [lecture] = w.cloud().db.find('lectures', { _id: 'lec-002' }) as { minStudySeconds: number }[]
    const minutes = Math.ceil(lecture.minStudySeconds / 60)
    for (let minute = 1; minute <= minutes; minute++) {
      jest.setSystemTime(Date.now() + 61_000)
      await member.shows(`累计学习 ${minute} 分钟`)
    }

    await tap(member, '参加测验')
    expect(member.top.route).toBe('packages/lectures/pages/quiz/index')
    await tap(member, '一名党员')
    for (const option of ['危险点', '控制措施', '作业分工']) await tap(member, option)
    await tap(member, '当场纠正')
    await tap(member, '提交测验')
    await confirm(member)
    await member.shows(/测验通过/)
    // Back on the lecture, studied to the end, for long enough, and the quiz passed: it is learnt.
    await tap(member, '返回讲坛')
    await member.shows('✓ 已学完')
    expect(w.cloud().db.find('lecture_studies', { lectureId: 'lec-002', personId: learner })[0]).toEqual(
      expect.objectContaining({ completed: true, progress: 1 }),
    )
  } finally {
    // The clocks stay a minute ahead: time never runs backwards for what the app and the cloud recorded.
    jest.useRealTimers()
  }
})
