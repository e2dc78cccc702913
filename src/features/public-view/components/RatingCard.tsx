import { View, Text } from '@tarojs/components'
import { Button, Rate } from '@nutui/nutui-react-taro'
import type { PublicProjectView } from '@contract/api'
import { EVALUATION_CONFIG } from '@domain/evaluation-config'
import { satisfactionCounts } from '@domain/evaluation'
import { Card } from '@/components/Card'
import { TextField, optionalParagraph } from '@/components/TextField'
import type { PublicProject } from '../hooks/use-public-project'
import { RATING_COMMENT_LIMIT } from '../hooks/use-public-project'
import '@/components/button-row'
import './rating-card.css'

// Stars as text: NutUI's default StarFill icon renders an <i> that WeChat's templates do not have (no stars on weapp).
const STAR_ON = <Text className="rating-card__star rating-card__star--on">★</Text>
const STAR_OFF = <Text className="rating-card__star">★</Text>

export interface RatingCardProps {
  rating: PublicProjectView['rating']
  form: Pick<PublicProject, 'score' | 'setScore' | 'comment' | 'setComment' | 'sending' | 'send'>
}

const STAR_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意']

/**
 * 群众满意度: the average and count (样本不足 below the count that makes it a score), the person's own rating, and
 * 1–5 stars while they may still rate; otherwise why not (党员, window not open or over).
 */
export function RatingCard({ rating, form }: RatingCardProps) {
  return (
    <Card title="群众满意度">
      <View className="rating-card__summary">
        <Text className="rating-card__average">
          {rating.average === null ? '暂无评分' : `${rating.average} 分`}
        </Text>
        <Text className="rating-card__count">{rating.count} 人评价 · 满分 5 分</Text>
      </View>
      {rating.count > 0 && !satisfactionCounts(rating) ? (
        <Text className="rating-card__sample">
          样本不足：满 {EVALUATION_CONFIG.minRatings} 人评价后计入年度评价
        </Text>
      ) : null}
      {rating.mine ? (
        <View className="rating-card__mine">
          <Text className="rating-card__mine-text">
            你的评分：{rating.mine.score} 星（{STAR_WORDS[rating.mine.score]}）
          </Text>
          {rating.mine.comment ? (
            <Text className="rating-card__mine-comment">“{rating.mine.comment}”</Text>
          ) : null}
        </View>
      ) : null}
      {rating.canRate ? (
        <View className="rating-card__form">
          <Text className="rating-card__ask">你对这个项目满意吗？</Text>
          <View className="rating-card__stars">
            <Rate
              className="rating-card__rate"
              count={5}
              min={0}
              value={form.score}
              onChange={form.setScore}
              checkedIcon={STAR_ON}
              uncheckedIcon={STAR_OFF}
            />
            <Text className="rating-card__star-word">
              {form.score ? `${form.score} 星 · ${STAR_WORDS[form.score]}` : '请点选星级'}
            </Text>
          </View>
          <TextField
            {...optionalParagraph('意见（选填）', RATING_COMMENT_LIMIT, '说说你的看法')}
            value={form.comment}
            onChange={form.setComment}
          />
          <Text className="rating-card__note">
            每个微信评价一次，提交后不能修改{rating.lastDay ? `；${rating.lastDay} 前可评价` : ''}
          </Text>
          <View className="rating-card__actions button-row">
            <Button type="primary" loading={form.sending} onClick={() => void form.send()}>
              提交评分
            </Button>
          </View>
        </View>
      ) : (
        <Text className="rating-card__closed">{rating.closed}</Text>
      )}
    </Card>
  )
}
