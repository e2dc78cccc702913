import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import QuizPage from '../index'
import { setRouterParams } from '../../../../../../test/mocks/taro'
import { answer, payloadsOf, resetCloud } from '../../../../../../test/dom/cloud'
import { lecture, quizResult, SAFETY_QUIZ } from '@/features/lectures/__tests__/fixtures'

jest.mock('@/services/call-cloud', () => ({ callCloud: jest.fn() }))

const showModal = Taro.showModal as unknown as jest.Mock
const question = (n: number) => screen.getByRole(n === 2 ? 'group' : 'radiogroup', { name: `第 ${n} 题` })
const choose = (n: number, option: string) =>
  fireEvent.click(within(question(n)).getByRole(n === 2 ? 'checkbox' : 'radio', { name: new RegExp(option) }))

beforeEach(() => {
  resetCloud()
  setRouterParams({ id: 'lec-002' })
})

async function openQuiz(result = quizResult()) {
  answer({
    'lectures.get': lecture({ id: 'lec-002', title: '“1+N”安全帮扶：党员身边无违章', quiz: SAFETY_QUIZ }),
    'lectures.submitQuiz': result,
  })
  render(<QuizPage />)
  await screen.findByText('“1+N”安全帮扶：党员身边无违章')
}

describe('随堂测验', () => {
  it('names single and multiple choice in words and marks chosen options as 已选', async () => {
    await openQuiz()
    expect(screen.getByText('共 3 题 · 60 分及格')).toBeInTheDocument()
    expect(screen.getByText('第 1 题（单选题）')).toBeInTheDocument()
    expect(screen.getByText('第 2 题（多选题）')).toBeInTheDocument()
    expect(screen.getByText('可选多项，全部选对才得分')).toBeInTheDocument()

    choose(1, '一名党员')
    choose(1, '一个班组')
    expect(within(question(1)).getAllByText('已选')).toHaveLength(1)
    expect(within(question(1)).getByRole('radio', { name: 'B. 一个班组（已选）' })).toBeInTheDocument()

    choose(2, '危险点')
    choose(2, '控制措施')
    choose(2, '个人收入')
    choose(2, '个人收入')
    expect(within(question(2)).getAllByText('已选')).toHaveLength(2)
  })

  it('names the unanswered questions and sends nothing', async () => {
    await openQuiz()
    choose(1, '一名党员')
    fireEvent.click(screen.getByRole('button', { name: '提交测验' }))

    expect(screen.getByText('还有 2 道题没有作答')).toBeInTheDocument()
    expect(screen.getByText('· 第 2、3 题')).toBeInTheDocument()
    expect(within(question(3)).getByText('这道题还没有作答')).toBeInTheDocument()
    expect(Taro.pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '#quiz-q2' }))
    expect(showModal).not.toHaveBeenCalled()
    expect(payloadsOf('lectures.submitQuiz')).toHaveLength(0)

    choose(2, '危险点')
    expect(screen.getByText('还有 1 道题没有作答')).toBeInTheDocument()
  })

  it('submits after confirming and shows the result in words, without revealing the answers', async () => {
    await openQuiz()
    choose(1, '一名党员')
    choose(2, '危险点')
    choose(2, '控制措施')
    choose(3, '当场纠正')
    fireEvent.click(screen.getByRole('button', { name: '提交测验' }))

    expect(await screen.findByText('✓ 测验通过')).toBeInTheDocument()
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '提交测验' }))
    expect(payloadsOf('lectures.submitQuiz')).toEqual([
      { lectureId: 'lec-002', answers: { q1: [0], q2: [0, 1], q3: [1] } },
    ])
    expect(screen.getByText('67')).toBeInTheDocument()
    expect(screen.getByText('及格线 60 分')).toBeInTheDocument()
    expect(screen.getByText('答对 2 题，共 3 题')).toBeInTheDocument()
    expect(screen.getByText('答错：第 2 题')).toBeInTheDocument()
    expect(screen.getByText('最高得分 67 分 · 已作答 1 次')).toBeInTheDocument()
    expect(within(question(1)).getByText('✓ 答对')).toBeInTheDocument()
    expect(within(question(2)).getByText('✗ 答错')).toBeInTheDocument()

    // Graded answers stay as they were; 再做一次 starts clean.
    choose(3, '视而不见')
    expect(within(question(3)).getByRole('radio', { name: 'B. 当场纠正（已选）' })).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '再做一次' }))
    expect(screen.queryByText('✓ 测验通过')).not.toBeInTheDocument()
    expect(screen.queryByText('已选')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: '提交测验' })).toBeInTheDocument()
  })

  it('says 未通过 and how many tries are left today, without giving the answers away; 返回讲坛 goes back', async () => {
    await openQuiz(
      quizResult({ correct: 1, score: 33, passed: false, bestScore: 33, results: [], answerKey: null }),
    )
    choose(1, '一名党员')
    choose(2, '危险点')
    choose(3, '事后再说')
    fireEvent.click(screen.getByRole('button', { name: '提交测验' }))

    expect(await screen.findByText('✗ 测验未通过')).toBeInTheDocument()
    expect(screen.getByText('回看讲坛内容后，可以再做一次（今天还可作答 2 次）')).toBeInTheDocument()
    expect(screen.queryByText(/答错：/)).not.toBeInTheDocument()
    expect(screen.queryByText(/正确答案/)).not.toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '返回讲坛' }))
    expect(Taro.navigateBack).toHaveBeenCalled()
  })

  it('shows the right answers after the day’s last try', async () => {
    await openQuiz(
      quizResult({
        correct: 1,
        score: 33,
        passed: false,
        bestScore: 33,
        attemptsLeftToday: 0,
        results: [
          { questionId: 'q1', correct: true },
          { questionId: 'q2', correct: false },
          { questionId: 'q3', correct: false },
        ],
      }),
    )
    choose(1, '一名党员')
    choose(2, '危险点')
    choose(3, '事后再说')
    fireEvent.click(screen.getByRole('button', { name: '提交测验' }))

    expect(await screen.findByText('答错：第 2、3 题')).toBeInTheDocument()
    expect(screen.getByText('正确答案：第 1 题 A；第 2 题 A、B；第 3 题 B')).toBeInTheDocument()
    expect(screen.getByText('今天的作答次数已用完，明天可以再做')).toBeInTheDocument()
  })

  it('sends nothing when the confirmation is cancelled', async () => {
    await openQuiz()
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    choose(1, '一名党员')
    choose(2, '危险点')
    choose(3, '当场纠正')
    fireEvent.click(screen.getByRole('button', { name: '提交测验' }))
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    expect(payloadsOf('lectures.submitQuiz')).toHaveLength(0)
  })
})
