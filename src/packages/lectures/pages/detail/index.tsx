import { useCallback, useRef, useState } from 'react'
import { Video, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { bodyHasContent } from '@domain/lecture-content'
import { Card } from '@/components/Card'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import { Notice } from '@/components/Notice'
import { AudioPlayerBar } from '@/features/lectures/components/AudioPlayerBar'
import { LectureBody } from '@/features/lectures/components/LectureBody'
import { LectureHeader } from '@/features/lectures/components/LectureHeader'
import { QuizEntryCard } from '@/features/lectures/components/QuizEntryCard'
import { StudyBar } from '@/features/lectures/components/StudyBar'
import { WithdrawSheet } from '@/features/lectures/components/WithdrawSheet'
import { useLecture } from '@/features/lectures/hooks/use-lecture'
import { useReadProgress } from '@/features/lectures/hooks/use-read-progress'
import { useStudyHeartbeat } from '@/features/lectures/hooks/use-study-heartbeat'
import { useWithdraw } from '@/features/lectures/hooks/use-withdraw'
import { mediaFraction, studyProgress } from '@/features/lectures/study-progress'
import { remainingWords } from '@/features/lectures/study-words'
import { NotRegistered } from '@/features/org/components/NotRegistered'
import { useReloadOnReturn } from '@/hooks/use-reload-on-return'
import { routes } from '@/routes'
import { fileUrl } from '@/services/file-url'
import '@/components/button-row'
import './index.css'

const BODY_ID = 'lecture-body'

interface MediaAt {
  position: number
  duration: number | null
}

export default function LecturePage() {
  const { params } = useRouter()
  const lecture = useLecture(params.id)
  const l = lecture.data
  const hasBody = l ? bodyHasContent(l.body) : false

  const [media, setMedia] = useState<MediaAt>({ position: 0, duration: null })
  const onMediaProgress = useCallback(
    (position: number, duration: number | null) =>
      setMedia((m) => (m.position === position && m.duration === duration ? m : { position, duration })),
    [],
  )
  const read = useReadProgress(`#${BODY_ID}`, hasBody)
  const progress = studyProgress(
    read,
    mediaFraction(media.position, media.duration ?? l?.media?.durationSeconds ?? null),
  )
  const latest = useRef({ progress, position: media.position })
  latest.current = { progress, position: media.position }
  const study = useStudyHeartbeat({
    lecture: l,
    progress: () => latest.current.progress,
    position: () => latest.current.position,
  })
  const withdraw = useWithdraw(l?.id, lecture.reload)

  usePullDownRefresh(() => {
    void lecture.reload().finally(() => Taro.stopPullDownRefresh())
  })
  // Back from the quiz: the best score, and perhaps completion.
  useReloadOnReturn(() => lecture.reload())

  if (!l) {
    if (lecture.error?.code === 'NOT_REGISTERED')
      return <NotRegistered onRetry={() => void lecture.reload()} />
    return lecture.error ? (
      <ErrorState
        title="讲坛加载失败"
        message={lecture.error.message}
        onRetry={() => void lecture.reload()}
      />
    ) : (
      <LoadingState text="正在打开讲坛…" />
    )
  }

  const published = l.status === 'published'
  const shownProgress = Math.max(progress, study.progress)
  const quizPassed = l.my?.quiz?.passed ?? false
  return (
    <View className="lecture-page">
      <LectureHeader lecture={l} />
      {l.status === 'draft' ? (
        <Notice tone="info" title="草稿预览：发布后党员才能学习，预览不记录学习" />
      ) : null}
      {l.status === 'withdrawn' ? <Notice title="讲坛已撤回，不再记录学习" /> : null}
      {published ? (
        <StudyBar
          sessionSeconds={study.sessionSeconds}
          studySeconds={study.studySeconds}
          progress={shownProgress}
          completed={study.completed}
          minSessionSeconds={l.study.minSessionSeconds}
          remaining={remainingWords(
            { ...l, hasBody },
            {
              progress: shownProgress,
              studySeconds: study.studySeconds,
              completed: study.completed,
              quizPassed,
            },
          )}
        />
      ) : null}
      {l.media?.kind === 'audio' ? (
        <AudioPlayerBar
          src={fileUrl(l.media.fileId)}
          resumeAt={l.my?.position ?? 0}
          knownDuration={l.media.durationSeconds}
          onProgress={onMediaProgress}
        />
      ) : null}
      {l.media?.kind === 'video' ? (
        <View className="lecture-page__video">
          <Video
            className="lecture-page__video-player"
            src={fileUrl(l.media.fileId)}
            initialTime={l.my?.position ?? 0}
            showFullscreenBtn
            onTimeUpdate={(e) => onMediaProgress(Math.floor(e.detail.currentTime), e.detail.duration || null)}
          />
        </View>
      ) : null}
      {hasBody ? <LectureBody id={BODY_ID} html={l.body} images={l.bodyImages} /> : null}
      {l.quiz ? (
        <QuizEntryCard
          quiz={l.quiz}
          mine={l.my?.quiz ?? null}
          canTake={published}
          onTake={() => void Taro.navigateTo({ url: routes.quiz(l.id) })}
        />
      ) : null}
      {l.can.length > 0 ? (
        <Card title="管理">
          <View className="lecture-page__manage button-row">
            {l.can.includes('edit') ? (
              <Button type="primary" onClick={() => void Taro.navigateTo({ url: routes.editLecture(l.id) })}>
                编辑
              </Button>
            ) : null}
            {l.can.includes('withdraw') ? (
              <Button type="default" onClick={withdraw.ask}>
                撤回
              </Button>
            ) : null}
            <Button type="default" onClick={() => void Taro.navigateTo({ url: routes.studyStats })}>
              学习统计
            </Button>
          </View>
        </Card>
      ) : null}
      <View className="lecture-page__end" />
      <WithdrawSheet withdraw={withdraw} />
    </View>
  )
}
