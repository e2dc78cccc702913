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
    className={['nut-button', props.className].filter(Boolean).join(' ')}
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
