/**
 * Expression indexes per collection (each inner list is one compound index, fields in order).
 * Fields named here are scalar by contract: null, boolean, finite number, string or Date (year 0–9999).
 * Writes that put an array, object or other value there are refused, because the SQL pushdown relies on it
 * to be exact.
 */
export const INDEXES: Record<string, string[][]> = {
  // A list page filters by any of branch, status, category and year, newest activity first: each common
  // filter leads an index that ends in updatedAt, so a page is read in order instead of sorted.
  projects: [
    ['branchId', 'status', 'updatedAt'],
    ['status', 'updatedAt'],
    ['year', 'status', 'updatedAt'],
    ['year', 'category', 'updatedAt'],
    ['year', 'updatedAt'],
    ['category', 'updatedAt'],
    ['updatedAt'],
    ['ownerId'],
  ],
  // A group's roster and readers: its members by groupId.
  people: [['openid'], ['branchId'], ['groupId']],
  org_units: [['kind']],
  // 组织管理's audit, newest first.
  org_events: [['at']],
  groups: [['branchId']],
  sessions: [['token']],
  // The approval inbox reads submitted milestones of a branch (or of all, for the committee) longest waiting
  // first, never the caller's own: both orders end in submittedAt, and submittedBy is indexed so that the
  // "not mine" filter is exact in SQL, which lets the page and its count run there.
  milestones: [
    ['projectId', 'order'],
    ['ownerId', 'status'],
    ['branchId', 'status', 'submittedAt'],
    ['status', 'submittedAt'],
    ['submittedBy', 'status'],
    // The reminders sweep: milestones still to be submitted whose deadline falls in a window.
    ['status', 'deadline'],
    // The dashboard roll-up: anything changed since its last run?
    ['updatedAt'],
  ],
  project_events: [['projectId', 'at']],
  proposal_versions: [['projectId', 'version']],
  ratings: [['projectId']],
  // A member's history newest first; the check-ins behind a milestone (its task's, newest first).
  // …and the few not yet counted (their run stopped between recording and counting), for the roll-up.
  // …and a retried check-in by its request id, read before the caller is known.
  // …and a branch's, when 组织管理 merges it into another.
  // A ledger pages each project's check-ins by id.
  checkins: [
    ['personId', 'at'],
    ['projectId', 'taskId', 'at'],
    ['projectId', '_id'],
    ['counted'],
    ['withdrawnCounted'],
    ['requestId'],
    ['branchId'],
  ],
  // The dashboard roll-up reads the week and month counters of the weeks and months it shows.
  // …and looks for any counter changed since its last run; a shard of it reads only its branches' counters.
  checkin_counts: [['scope', 'week'], ['scope', 'month'], ['updatedAt'], ['branchId']],
  // 看板: a key's (year:category) overdue milestones, all or one branch's, oldest first (a key's league is one
  // document, read by id). A shard of the roll-up reads what it wrote for its branches; the merge what it
  // wrote for the company and the leagues.
  dashboard_rollups: [['branchId'], ['kind']],
  dashboard_overdue: [['key', 'deadline'], ['key', 'branchId', 'deadline'], ['branchId']],
  milestone_submissions: [['milestoneId', 'at']],
  // 搜索: one document per suffix of a searchable text; a query is a prefix range on `key`, within the caller's
  // scopes (or every scope, for the committee); a thing's documents are replaced by `refId`.
  search_keys: [['kind', 'scope', 'key'], ['kind', 'key'], ['refId']],
  // A group's feed newest first, past the cursor: only posts neither withdrawn nor pinned stand in it.
  group_posts: [['groupId', 'withdrawn', 'pinned', 'createdAt']],
  group_comments: [['postId', 'createdAt']],
  // Who read an announcement; what one person read in their groups (my groups' unread pins).
  announcement_reads: [
    ['postId', 'at'],
    ['personId', 'groupId', 'at'],
  ],
  group_post_events: [['postId', 'at']],
  // Editors' lists: a branch's lectures (or all, for the committee), latest edit first.
  lectures: [['ownerBranchId', 'updatedAt'], ['updatedAt']],
  // A member's lectures: the listings of their audience keys, newest first (all, or the required ones); the
  // reminders sweep reads required listings by deadline, and new listings by publishedAt.
  lecture_listings: [
    ['key', 'status', 'publishedAt'],
    ['key', 'status', 'required', 'publishedAt'],
    ['status', 'required', 'deadline'],
    ['status', 'publishedAt'],
  ],
  // A member's finished lectures, latest first; a lecture's completions.
  lecture_studies: [['personId', 'completed', 'completedAt'], ['lectureId', 'completed'], ['branchId']],
  quiz_attempts: [['lectureId', 'personId', 'at']],
  lecture_events: [['lectureId', 'at']],
  // 消息: a person's messages newest first, their unread count; the sweep's pushes deferred by quiet hours.
  messages: [
    ['personId', 'createdAt'],
    ['personId', 'read'],
    ['pushState', 'createdAt'],
  ],
  // The localcloud outbox page: recent failures.
  reminder_log: [['outcome', 'at']],
  // 分片督导: a committee member's branches; a branch's supervisors.
  supervision_assignments: [
    ['personId', 'active'],
    ['branchId', 'active'],
  ],
  // 随机抽查 newest first; a check's rectifications; a branch's open ones; open ones by deadline (the sweep's
  // reminders); a project's; a check's record, newest first.
  spot_checks: [['createdAt']],
  rectifications: [
    ['spotCheckId', 'createdAt'],
    ['branchId', 'status'],
    ['status', 'deadline'],
    ['projectId', 'status'],
  ],
  supervision_events: [
    ['spotCheckId', 'at'],
    ['subjectId', 'at'],
  ],
  // 督导记录 newest contact first: a branch's, or everyone's.
  supervision_records: [
    ['branchId', 'date', 'createdAt'],
    ['date', 'createdAt'],
  ],
  // The cleanup timer reads expired exports, oldest first.
  ledger_exports: [['expiresAt']],
  ledger_jobs: [['ownerId', 'scopeKey', 'createdAt'], ['status', 'leaseUntil'], ['createdAt']],
  // The dashboard roll-up: any study total changed since its last run?
  study_totals: [['updatedAt']],
}
