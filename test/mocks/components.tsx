/** @tarojs/components as plain DOM elements, passing through only what the DOM understands. */
import type { CSSProperties, ReactNode } from 'react'

interface BaseProps {
  className?: string
  style?: CSSProperties | string
  children?: ReactNode
  onClick?: (event: unknown) => void
  id?: string
}

function domProps({ className, style, onClick, id }: BaseProps) {
  return { className, style: typeof style === 'string' ? undefined : style, onClick, id }
}

export const View = (props: BaseProps) => <div {...domProps(props)}>{props.children}</div>
export const Text = (props: BaseProps) => <span {...domProps(props)}>{props.children}</span>
export const ScrollView = (props: BaseProps) => <div {...domProps(props)}>{props.children}</div>
export const Image = (props: BaseProps & { src: string }) => (
  <img alt="" src={props.src} {...domProps(props)} />
)
export const Button = (props: BaseProps & { disabled?: boolean }) => (
  <button type="button" disabled={props.disabled} {...domProps(props)}>
    {props.children}
  </button>
)
export const Navigator = (props: BaseProps & { url?: string }) => (
  <a href={props.url} {...domProps(props)}>
    {props.children}
  </a>
)
