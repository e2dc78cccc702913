import { chinaDay } from '../../../domain/checkins'
import { chinaYear } from '../../../domain/dates'
import {
  describeGuideChange,
  guideIssues,
  guideProgress,
  windowState,
  windowText,
} from '../../../domain/guide'
import { planGuidePublished, planProposalDue } from '../../../domain/notifications'
import { isCommittee } from '../../../domain/roles'
import type { GuideContent, GuideRevision, ProposalGuide } from '../../../types/entities'
import type { GuideView } from '../../../types/api'
import { fail, ok } from '../../../types/result'
import { COLLECTIONS, db } from '../../_shared/cloud'
import { now } from '../../_shared/clock'
import { branchSecretaries, notify, settingsOf } from '../../_shared/notify'
import { getGuides, guideId, listKeyProblems, listYearProposals } from '../../_shared/repositories/guides'
import { loadLeaders } from '../../_shared/repositories/reminder-sources'
import { listBranches } from '../../_shared/repositories/supervision'
import { readingEarly, type Handler } from '../../_shared/router'
import { runInTransaction, txGet } from '../../_shared/transaction'

const contentOf = (g: GuideContent): GuideContent => ({
  categories: g.categories.map((c) => ({ id: c.id, label: c.label.trim(), note: c.note.trim() })),
  focusFields: [...g.focusFields],
  focus: g.focus.trim(),
  opensOn: g.opensOn,
  deadline: g.deadline,
})

const sameContent = (a: GuideContent, b: GuideContent) =>
  JSON.stringify(contentOf(a)) === JSON.stringify(contentOf(b))

/**
 * 选题指南 of a year. Everyone reads the published guide with the year's key problems; the committee also reads
 * a draft, which key problems the branches' proposals take up and which branches have not proposed yet.
 */
export const guide: Handler<'projects', 'guide'> = async ({ year: asked }, { caller }) => {
  const at = now()
  const year = asked ?? chinaYear(at)
  const today = chinaDay(at)
  const committee = isCommittee(caller)
  const [guides, problems, branches, proposals] = await Promise.all([
    getGuides([year]),
    listKeyProblems(year),
    committee ? listBranches() : Promise.resolve([]),
    committee ? listYearProposals(year) : Promise.resolve([]),
  ])
  const g = guides.get(year) ?? null
  const shown = g && (g.published || committee) ? g : null
  const sorted = [...problems].sort((a, b) => b.endorsers.length - a.endorsers.length)
  const progress = committee
    ? guideProgress(
        branches,
        proposals,
        sorted.map((p) => p._id),
      )
    : null
  const view: GuideView = {
    year,
    guide: shown && {
      ...contentOf(shown),
      published: shown.published,
      publishedAt: shown.publishedAt ? new Date(shown.publishedAt).toISOString() : null,
      history: [...shown.history].reverse().map((h) => ({
        at: new Date(h.at).toISOString(),
        byName: h.byName,
        summary: h.summary,
      })),
    },
    window: g?.published ? { state: windowState(g, today), text: windowText(g, today) } : null,
    keyProblems: shown
      ? sorted.map((p) => ({
          id: p._id,
          text: p.text,
          field: p.field,
          branchName: p.branchName,
          count: p.endorsers.length,
          takenBy: progress ? (progress.takenBy.get(p._id) ?? []) : null,
        }))
      : [],
    canEdit: committee,
    progress: progress && {
      branches: branches.length,
      proposed: progress.proposed,
      missing: progress.missing.map((b) => ({ ...b, remindedToday: g?.remindedOn?.[b.branchId] === today })),
      untaken: [...progress.takenBy.values()].filter((names) => names.length === 0).length,
    },
  }
  return ok(view)
}

/** Every branch secretary (the guide is the whole organisation's): read with the caller when publishing. */
const secretariesToTell = async ({ publish }: { publish: boolean }): Promise<string[]> =>
  publish ? [...new Set(Object.values((await loadLeaders()).secretaries).flat())] : []

/**
 * The committee saves the year's guide, or publishes it. A published guide stays published: each later
 * publication that changes something is kept in its history, with what changed in words, and told to every
 * branch secretary in 消息 (once per version: the version is in the message's key; each one's settings apply).
 */
export const saveGuide = readingEarly<'projects', 'saveGuide'>()(
  secretariesToTell,
  async ({ year, publish, ...given }, { caller, early: secretaries }) => {
    const content = contentOf(given)
    const issues = guideIssues(year, content)
    if (issues.length > 0) return fail('INVALID_INPUT', issues[0].message, issues)
    const at = now()
    const [settings, saved] = await Promise.all([
      settingsOf(secretaries),
      runInTransaction(async (t) => {
        const id = guideId(year)
        const before = await txGet<ProposalGuide>(t, COLLECTIONS.proposalGuides, id)
        if (before?.published && !publish)
          return fail('CONFLICT', '选题指南已发布，不能改回草稿；修改后请重新发布')
        const last = before?.history.at(-1) ?? null
        const history: GuideRevision[] = [...(before?.history ?? [])]
        const changed = publish && !(last && sameContent(last, content))
        if (changed)
          history.push({ ...content, at, byName: caller.name, summary: describeGuideChange(last, content) })
        const doc: Omit<ProposalGuide, '_id'> = {
          year,
          ...content,
          published: publish,
          publishedAt: before?.publishedAt ?? (publish ? at : null),
          updatedBy: caller._id,
          updatedAt: at,
          history,
          remindedOn: before?.remindedOn ?? {},
        }
        await t.collection(COLLECTIONS.proposalGuides).doc(id).set({ data: doc })
        return ok({ revision: changed ? history.length : null, summary: history.at(-1)?.summary ?? '' })
      }),
    ])
    if (!saved.ok) return saved
    const { revision, summary } = saved.data
    const told =
      revision === null
        ? 0
        : await notify(
            planGuidePublished(
              {
                year,
                version: revision,
                opensOn: content.opensOn,
                deadline: content.deadline,
                summary,
                senderName: caller.name,
              },
              secretaries,
            ),
            settings,
            at,
          )
    return ok({ year, published: publish, told })
  },
)

/**
 * The committee reminds the secretaries of the branches that have not proposed this year: a 消息 to each,
 * once a day a branch (the day is in the message's key, and the guide remembers which branches were told).
 */
export const remindProposals: Handler<'projects', 'remindProposals'> = async ({ year }, { caller }) => {
  const at = now()
  const day = chinaDay(at)
  const [guides, branches, proposals] = await Promise.all([
    getGuides([year]),
    listBranches(),
    listYearProposals(year),
  ])
  const g = guides.get(year)
  if (!g?.published) return fail('CONFLICT', `${year} 年选题指南尚未发布，发布后才能提醒各支部申报`)
  const { missing } = guideProgress(branches, proposals, [])
  if (missing.length === 0) return fail('CONFLICT', '各支部都已提交立项申请，无需提醒')
  const due = missing.filter((b) => g.remindedOn?.[b.branchId] !== day)
  if (due.length === 0) return fail('CONFLICT', '今天已经提醒过尚未申报的支部，明天可以再提醒')
  const { secretaries, settings } = await branchSecretaries(due.map((b) => b.branchId))
  const planned = due.flatMap((b) =>
    planProposalDue(
      {
        year,
        branchId: b.branchId,
        branchName: b.branchName,
        deadline: g.deadline,
        day,
        senderName: caller.name,
      },
      secretaries[b.branchId] ?? [],
    ),
  )
  const marks = Object.fromEntries(due.map((b) => [`remindedOn.${b.branchId}`, day]))
  const [told] = await Promise.all([
    notify(planned, settings, at),
    db.collection(COLLECTIONS.proposalGuides).doc(guideId(year)).update({ data: marks }),
  ])
  return ok({ branches: due.length, secretaries: told, alreadyToday: missing.length - due.length })
}
