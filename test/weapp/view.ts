/**
 * The view layer of a Phone: the page on screen rendered through its own WXML, compiled by WeChat's compiler
 * (wcc, through miniprogram-compiler) and run by miniprogram-simulate on exparser, fed the page's data tree.
 * Fingers act on rendered elements: a tap or an input event bubbles through exparser into the page's real `eh`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { DIST, type Phone } from './phone'

/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * The view layer's DOM, for exparser. The tests run in jest's node environment, so that the cloud functions
 * run in node's realm as in the integration tests (under jsdom a native error is no `Error` of theirs); the DOM
 * lives in a jsdom window of its own, as the view layer is a webview of its own.
 */
function installDom(): void {
  const g = globalThis as Record<string, unknown>
  if (g.document) return
  const { JSDOM } = require('jsdom') as typeof import('jsdom')
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    pretendToBeVisual: true,
  })
  g.window = window
  g.document = window.document
  for (const key of [
    'navigator',
    'Node',
    'Element',
    'HTMLElement',
    'Event',
    'CustomEvent',
    'MutationObserver',
  ]) {
    if (!(key in g)) g[key] = (window as unknown as Record<string, unknown>)[key]
  }
}
installDom()

// miniprogram-simulate and the exparser it runs on: CommonJS without types.
const simulate = require('miniprogram-simulate') as {
  load(definition: Record<string, unknown>): string
  render(id: string): Rendered
}
const compiler = require('miniprogram-compiler') as { wxmlToJs(root: string, options: object): string }
const exparser = require('miniprogram-exparser') as {
  Event: {
    create(name: string, detail: object, options: object): unknown
    dispatchEvent(target: unknown, event: unknown): void
  }
}
/* eslint-enable @typescript-eslint/no-require-imports */

interface Rendered {
  dom: HTMLElement
  attach(parent: Element): void
  detach(): void
  setData(data: Record<string, unknown>): void
}

let gwx: ((file: string) => unknown) | null = null
const loaded = new Map<string, string>()
/** Where the rendered views' events go: the page on the screen rendered last. */
let sink: ((event: unknown) => void) | null = null

/** Sends the rendered views' events (to a page's `eh`). */
export function setEventSink(to: ((event: unknown) => void) | null): void {
  sink = to
}

/** The dist/ WXML compiled by WeChat's compiler: a page's template by `gwx('pages/x/index.wxml')`. */
export function compiled(): (file: string) => unknown {
  if (!gwx) {
    // WeChat's compiler needs every .wxml and .wxs of the package at once, as DevTools compiles them.
    const code = compiler.wxmlToJs(DIST, { maxBuffer: 64 * 1024 * 1024 })
    gwx = new Function(code)() as (file: string) => unknown
    // Taro's recursive `comp`: past template depth 15 a node renders through it, itself using comp.
    simulate.load({
      id: 'taro-comp',
      template: gwx('comp.wxml'),
      usingComponents: { comp: 'taro-comp' },
      properties: { i: { type: Object, value: {} }, l: { type: String, value: '' } },
      methods: { eh: (e: unknown) => sink?.(e) },
    })
  }
  return gwx
}

function definitionFor(route: string): string {
  let id = loaded.get(route)
  if (!id) {
    const json = JSON.parse(fs.readFileSync(path.join(DIST, `${route}.json`), 'utf8')) as {
      usingComponents?: Record<string, string>
    }
    const extra = Object.keys(json.usingComponents ?? {}).filter((c) => c !== 'comp')
    if (extra.length)
      throw new Error(`${route} uses components the harness does not load: ${extra.join(', ')}`)
    id = simulate.load({
      template: compiled()(`${route}.wxml`),
      usingComponents: { comp: 'taro-comp' },
      data: { root: {} },
      methods: { eh: (e: unknown) => sink?.(e) },
    })
    loaded.set(route, id)
  }
  return id
}

/** What the page on screen looks like now: rendered afresh from its data. */
export class Screen {
  private constructor(
    private readonly phone: Phone,
    private readonly view: Rendered,
  ) {}

  static of(phone: Phone): Screen {
    setEventSink((e) => phone.dispatch(e))
    const rendered = simulate.render(definitionFor(phone.top.route))
    rendered.attach(document.createElement('parent-wrapper'))
    // WeChat's template runtime warns (and renders nothing) for an element no template of base.wxml covers.
    const warn = jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      const line = args.map(String).join(' ')
      if (line.includes('WXMLRT')) phone.errors.push(`${phone.top.route} renders: ${line}`)
      else process.stderr.write(`${line}\n`)
    })
    try {
      rendered.setData({ root: JSON.parse(JSON.stringify(phone.top.data.root ?? {})) })
    } finally {
      warn.mockRestore()
    }
    return new Screen(phone, rendered)
  }

  get text(): string {
    return this.view.dom.textContent ?? ''
  }

  get dom(): HTMLElement {
    return this.view.dom
  }

  close(): void {
    this.view.detach()
  }

  /** The rendered element whose own text is exactly `text` (or matches it); the first after `after` if given. */
  byText(text: string | RegExp, after?: string | RegExp): HTMLElement {
    return byOwnText(this.view.dom, text, after === undefined ? undefined : byOwnText(this.view.dom, after))
  }

  /** The rendered element Taro gave this id (its node's uid/sid). */
  byId(id: string): HTMLElement {
    const hit = Array.from(this.view.dom.querySelectorAll<HTMLElement>('*')).find(
      (el) => (el as unknown as { __wxElement?: { id?: string } }).__wxElement?.id === id,
    )
    if (!hit) throw new Error(`no element #${id} on ${this.phone.top.route}`)
    return hit
  }

  /** A finger on the element: a tap bubbling through exparser to every bindtap on the way up. */
  tap(target: string | RegExp | HTMLElement, after?: string | RegExp): void {
    const el = typeof target === 'object' && !(target instanceof RegExp) ? target : this.byText(target, after)
    this.fire(el, 'tap', {})
  }

  /** Every rendered element whose own text is exactly `text`, in document order. */
  allByText(text: string): HTMLElement[] {
    return Array.from(this.view.dom.querySelectorAll<HTMLElement>('*')).filter((el) =>
      Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim() === text),
    )
  }

  /** The input or textarea that follows the label `label` on the page (document order). */
  field(label: string | RegExp): HTMLElement {
    const labelEl = this.byText(label)
    const all = Array.from(this.view.dom.querySelectorAll<HTMLElement>('*'))
    const after = all.slice(all.indexOf(labelEl) + 1)
    const hit = after.find((el) => /^wx-(input|textarea)$/i.test(el.tagName))
    if (!hit) throw new Error(`no field after "${String(label)}" on ${this.phone.top.route}`)
    return hit
  }

  /** Types `value` into the field labelled `label`, as the keyboard does: one input event with the new value. */
  type(label: string | RegExp, value: string): void {
    this.fire(this.field(label), 'input', { value, cursor: value.length, keyCode: 0 })
  }

  /** Fires a component event (input, change, confirm, blur…) on the element, with its detail. */
  fire(el: HTMLElement, name: string, detail: object): void {
    setEventSink((e) => this.phone.dispatch(e))
    fire(el, name, detail)
  }
}

/** The element under `root` whose own text (not its children's) is exactly `text`, or matches it. */
export function byOwnText(root: HTMLElement, text: string | RegExp, after?: HTMLElement): HTMLElement {
  const own = (el: HTMLElement) =>
    Array.from(el.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim()
  const all = Array.from(root.querySelectorAll<HTMLElement>('*'))
  const hit = all
    .slice(after ? all.indexOf(after) + 1 : 0)
    .find((el) => (typeof text === 'string' ? own(el) === text : text.test(own(el))))
  if (!hit) throw new Error(`"${String(text)}" is not rendered; rendered text: ${root.textContent}`)
  return hit
}

/** A component event on a rendered element (tap, input…), bubbling through exparser to the handlers on the way. */
export function fire(el: HTMLElement, name: string, detail: object): void {
  const target = (el as unknown as { __wxElement: unknown }).__wxElement
  exparser.Event.dispatchEvent(
    target,
    exparser.Event.create(name, detail, { bubbles: true, composed: true, capturePhase: true }),
  )
}

/** The Taro nodes of a page's data tree: `nn` the component, `uid`/`sid` its id, the rest its props. */
export interface TaroNode {
  nn?: string | number
  uid?: string
  sid?: string
  cn?: TaroNode[]
  v?: string
  [prop: string]: unknown
}

/** Every node of a page's data tree that passes `test`, in document order. */
export function nodesWhere(root: unknown, test: (n: TaroNode) => boolean, out: TaroNode[] = []): TaroNode[] {
  if (Array.isArray(root)) root.forEach((child) => nodesWhere(child, test, out))
  else if (typeof root === 'object' && root !== null) {
    const node = root as TaroNode
    if (test(node)) out.push(node)
    for (const value of Object.values(node)) if (typeof value === 'object') nodesWhere(value, test, out)
  }
  return out
}
