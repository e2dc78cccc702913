import type { ZodType } from 'zod'
import { schemas } from '../api'
import { freeText, hasVisibleText } from '../functions/common'

/** Text no reader sees: zero-width space and joiner, word joiner, BOM, ideographic space, a control character. */
const INVISIBLE = [
  '\u200B\u200B',
  '\u200D\u2060',
  '\uFEFF',
  '\u3000\u200C',
  '\u0000\u0007',
  '\u3164',
  '\u00AD',
]

/** String fields that are not free text a person writes, and what refuses invisible text there instead. */
const NOT_FREE_TEXT: Record<string, string> = {
  'lectures.saveDraft.body':
    'rich text: publishing requires visible content (domain/lecture-content bodyHasContent)',
  'lectures.saveDraft.quiz.questions[].text':
    'a quiz question: the quiz rule (quizIssues in entities-community) refuses it for the request and the editor',
  'lectures.saveDraft.quiz.questions[].options[]':
    'a quiz option: the quiz rule (quizIssues in entities-community) refuses it for the request and the editor',
  'org.bindInvite.code': 'an invite code: normalizeInviteCode accepts only its 32 symbols',
  'org.search.q':
    'a search query, never stored: checkQuery (domain/search) answers one without a letter or digit in words',
}

/** Whether `schema` takes `text` and keeps something of it (text trimmed down to nothing is an empty field). */
function keepsInvisible(schema: ZodType, text: string): boolean {
  const r = schema.safeParse(text)
  return r.success && String(r.data).trim() !== ''
}

interface Def {
  type: string
  shape?: Record<string, ZodType>
  innerType?: ZodType
  element?: ZodType
}
const defOf = (s: ZodType) => (s as unknown as { def: Def }).def

/** Every string field of a schema, by path (through optional, default, nullable and arrays). */
function stringFields(schema: ZodType, path: string, out: [string, ZodType][] = []): [string, ZodType][] {
  const def = defOf(schema)
  if (def.type === 'string') out.push([path, schema])
  else if (def.type === 'object' && def.shape)
    for (const [key, field] of Object.entries(def.shape)) stringFields(field, `${path}.${key}`, out)
  else if (def.innerType) stringFields(def.innerType, path, out)
  else if (def.type === 'array' && def.element) stringFields(def.element, `${path}[]`, out)
  return out
}

describe('free text', () => {
  it('sees only what a reader sees', () => {
    for (const text of INVISIBLE) expect(hasVisibleText(text)).toBe(false)
    expect(hasVisibleText('\u200B党员先锋岗\u200B')).toBe(true)
    expect(hasVisibleText(' a ')).toBe(true)
  })

  it('refuses text made only of invisible characters, required or not; an optional field may be left empty', () => {
    const required = freeText(20, { required: '请填写内容' })
    const optional = freeText(20)
    for (const text of INVISIBLE) {
      expect(required.safeParse(text).success).toBe(false)
      expect(keepsInvisible(optional, text)).toBe(false)
    }
    expect(optional.safeParse('').success).toBe(true)
    expect(required.safeParse('').success).toBe(false)
    expect(required.safeParse(' 现场勘查 ').data).toBe('现场勘查')
  })

  it('is the rule of every string field of every action in types/api.ts', () => {
    const fields = Object.entries(schemas).flatMap(([fn, actions]) =>
      Object.entries(actions as Record<string, ZodType>).flatMap(([action, schema]) =>
        stringFields(schema, `${fn}.${action}`),
      ),
    )
    expect(fields.length).toBeGreaterThan(40)
    const accepting = fields
      .filter(([path]) => !(path in NOT_FREE_TEXT))
      .flatMap(([path, schema]) =>
        INVISIBLE.filter((t) => keepsInvisible(schema, t)).map((t) => `${path} ${JSON.stringify(t)}`),
      )
    expect(accepting).toEqual([])
    for (const path of Object.keys(NOT_FREE_TEXT)) expect(fields.map(([p]) => p)).toContain(path)
  })
})
