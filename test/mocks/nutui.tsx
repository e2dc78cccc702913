/** The NutUI React Taro components the app uses, as plain DOM: NutUI ships ESM that jest does not load. */
import type { CSSProperties, ReactNode } from 'react'

interface BaseProps {
  className?: string
  style?: CSSProperties
  children?: ReactNode
}

export const Button = (
  props: BaseProps & { type?: string; disabled?: boolean; loading?: boolean; onClick?: () => void },
) => (
  <button
    type="button"
    className={['nut-button', props.type ? `nut-button-${props.type}` : '', props.className]
      .filter(Boolean)
      .join(' ')}
    disabled={props.disabled || props.loading}
    onClick={props.onClick}
  >
    {props.children}
  </button>
)

export const Tag = (props: BaseProps) => (
  <span className={['nut-tag', props.className].filter(Boolean).join(' ')}>{props.children}</span>
)

export const Progress = (props: BaseProps & { percent?: number }) => (
  <div
    className={['nut-progress', props.className].filter(Boolean).join(' ')}
    role="progressbar"
    aria-valuenow={props.percent}
    aria-valuemin={0}
    aria-valuemax={100}
  />
)

/** One button per star, named "N 星", pressed up to the value. */
export const Rate = (
  props: BaseProps & {
    value?: number
    count?: number
    readOnly?: boolean
    onChange?: (value: number) => void
  },
) => (
  <div className={['nut-rate', props.className].filter(Boolean).join(' ')}>
    {Array.from({ length: props.count ?? 5 }, (_, i) => i + 1).map((n) => (
      <button
        key={n}
        type="button"
        aria-label={`${n} 星`}
        aria-pressed={n <= (props.value ?? 0)}
        disabled={props.readOnly}
        onClick={() => props.onChange?.(n)}
      >
        ★
      </button>
    ))}
  </div>
)

/** NutUI's Empty: picture, title, description, then the actions passed as children. */
export const Empty = (
  props: BaseProps & { image?: ReactNode; title?: ReactNode; description?: ReactNode },
) => (
  <div className={['nut-empty', props.className].filter(Boolean).join(' ')}>
    <div className="nut-empty-base">{props.image}</div>
    {props.title}
    {props.description}
    {props.children}
  </div>
)

export const Loading = (props: BaseProps & { direction?: 'horizontal' | 'vertical' }) => (
  <div className={['nut-loading', props.className].filter(Boolean).join(' ')}>
    <div className="nut-loading-icon-box" />
    {props.children ? <div className="nut-loading-text">{props.children}</div> : null}
  </div>
)

export const NoticeBar = (
  props: BaseProps & { wrap?: boolean; scrollable?: boolean; leftIcon?: ReactNode },
) => (
  <div className={['nut-noticebar', props.className].filter(Boolean).join(' ')}>
    <div className="nut-noticebar-box">
      {props.leftIcon}
      <div className="nut-noticebar-box-wrap">{props.children}</div>
    </div>
  </div>
)

/** NutUI's Tabs: the custom `title` render when given (else each pane's title), then the panes. */
const TabPane = (props: BaseProps & { title?: ReactNode; value?: string | number; disabled?: boolean }) =>
  props.children ? <div className="nut-tabpane">{props.children}</div> : null

export const Tabs = Object.assign(
  (
    props: BaseProps & {
      value?: string | number
      title?: () => ReactNode
      activeType?: string
      onChange?: (value: string | number) => void
    },
  ) => (
    <div className={['nut-tabs', props.className].filter(Boolean).join(' ')}>
      <div className="nut-tabs-titles">
        <div className="nut-tabs-list">{props.title ? props.title() : null}</div>
      </div>
      <div className="nut-tabs-content-wrap">{props.children}</div>
    </div>
  ),
  { TabPane },
)

interface NutFieldProps extends BaseProps {
  value?: string
  placeholder?: string
  maxLength?: number
  disabled?: boolean
  ariaLabel?: string
  onChange?: (value: string) => void
}

/**
 * NutUI's Input: its container (the className) around the native field, which carries the label, and the hidden
 * clear icon it always renders: `clearIcon`, or its own `<i>` (MaskClose from @nutui/icons-react-taro).
 */
export const Input = (props: NutFieldProps & { clearIcon?: ReactNode }) => (
  <div className={['nut-input', props.className].filter(Boolean).join(' ')}>
    <input
      className="nut-input-native"
      type="text"
      aria-label={props.ariaLabel}
      value={props.value ?? ''}
      placeholder={props.placeholder}
      maxLength={props.maxLength}
      disabled={props.disabled}
      onChange={(e) => props.onChange?.(e.target.value)}
    />
    <div style={{ display: 'none' }}>{props.clearIcon || <i className="nut-icon nut-icon-MaskClose" />}</div>
  </div>
)

export const TextArea = (props: NutFieldProps & { autoSize?: boolean }) => (
  <div className={['nut-textarea', props.className].filter(Boolean).join(' ')}>
    <textarea
      className="nut-textarea-textarea"
      aria-label={props.ariaLabel}
      value={props.value ?? ''}
      placeholder={props.placeholder}
      maxLength={props.maxLength}
      disabled={props.disabled}
      onChange={(e) => props.onChange?.(e.target.value)}
    />
  </div>
)
