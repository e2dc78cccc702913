/** @tarojs/components as plain DOM elements, passing through only what the DOM understands. */
import type { CSSProperties, ReactNode } from 'react'

interface BaseProps {
  className?: string
  style?: CSSProperties | string
  children?: ReactNode
  onClick?: (event: unknown) => void
  id?: string
  ariaLabel?: string
  ariaRole?: string
}

function domProps({ className, style, onClick, id, ariaLabel, ariaRole }: BaseProps) {
  return {
    className,
    style: typeof style === 'string' ? undefined : style,
    onClick,
    id,
    'aria-label': ariaLabel,
    role: ariaRole,
  }
}

/** What Taro hands to onInput / onChange handlers. */
type DetailHandler<T> = (event: { detail: { value: T } }) => void

interface FieldProps extends BaseProps {
  value?: string
  placeholder?: string
  maxlength?: number
  disabled?: boolean
  type?: string
  onInput?: DetailHandler<string>
  onBlur?: DetailHandler<string>
}

export const View = (props: BaseProps) => <div {...domProps(props)}>{props.children}</div>
export const Text = (props: BaseProps) => <span {...domProps(props)}>{props.children}</span>
export const Canvas = (props: BaseProps & { canvasId?: string }) => (
  <canvas data-canvas-id={props.canvasId} {...domProps(props)} />
)
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

/** Rich text as the HTML it carries, so a test finds its headings and images. */
export const RichText = (props: BaseProps & { nodes?: string | unknown[] }) => (
  <div
    {...domProps(props)}
    dangerouslySetInnerHTML={{ __html: typeof props.nodes === 'string' ? props.nodes : '' }}
  />
)
export const Video = (props: BaseProps & { src: string; initialTime?: number }) => (
  <video src={props.src} {...domProps(props)} />
)

// maxLength is passed on as the host would, but fireEvent.change ignores it: the app must clamp itself.
export const Input = (props: FieldProps) => (
  <input
    {...domProps(props)}
    type="text"
    inputMode={props.type === 'number' || props.type === 'digit' ? 'numeric' : undefined}
    value={props.value ?? ''}
    placeholder={props.placeholder}
    maxLength={props.maxlength}
    disabled={props.disabled}
    onChange={(e) => props.onInput?.({ detail: { value: e.target.value } })}
    onBlur={(e) => props.onBlur?.({ detail: { value: e.target.value } })}
  />
)

export const Textarea = (props: FieldProps) => (
  <textarea
    {...domProps(props)}
    value={props.value ?? ''}
    placeholder={props.placeholder}
    maxLength={props.maxlength}
    disabled={props.disabled}
    onChange={(e) => props.onInput?.({ detail: { value: e.target.value } })}
    onBlur={(e) => props.onBlur?.({ detail: { value: e.target.value } })}
  />
)

interface PickerProps extends BaseProps {
  mode?: 'selector' | 'date' | 'time'
  range?: unknown[]
  rangeKey?: string
  value?: number | string
  start?: string
  end?: string
  disabled?: boolean
  onChange?: DetailHandler<string | number>
}

/** A selector becomes a <select> of the range, a date picker an <input type="date">, beside the trigger. */
export const Picker = (props: PickerProps) => {
  const label = (item: unknown) =>
    props.rangeKey && typeof item === 'object' && item !== null
      ? String((item as Record<string, unknown>)[props.rangeKey])
      : String(item)
  return (
    <div className={props.className}>
      {props.children}
      {props.mode === 'date' || props.mode === 'time' ? (
        <input
          type={props.mode}
          value={String(props.value ?? '')}
          min={props.start}
          max={props.end}
          disabled={props.disabled}
          onChange={(e) => props.onChange?.({ detail: { value: e.target.value } })}
        />
      ) : (
        <select
          value={String(props.value ?? '')}
          disabled={props.disabled}
          onChange={(e) => props.onChange?.({ detail: { value: Number(e.target.value) } })}
        >
          <option value="" disabled>
            请选择
          </option>
          {(props.range ?? []).map((item, i) => (
            <option key={i} value={i}>
              {label(item)}
            </option>
          ))}
        </select>
      )}
    </div>
  )
}
