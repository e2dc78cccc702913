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
  people: [['openid'], ['branchId']],
  org_units: [['kind']],
  groups: [['branchId']],
  sessions: [['token']],
  milestones: [
    ['projectId', 'order'],
    ['ownerId', 'status'],
    ['branchId', 'status'],
  ],
  project_events: [['projectId', 'at']],
  proposal_versions: [['projectId', 'version']],
  ratings: [['projectId']],
}
