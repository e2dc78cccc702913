/**
 * Expression indexes per collection (each inner list is one compound index, fields in order).
 * Fields named here are scalar by contract: null, boolean, finite number, string or Date (year 0–9999).
 * Writes that put an array, object or other value there are refused, because the SQL pushdown relies on it
 * to be exact.
 */
export const INDEXES: Record<string, string[][]> = {
  projects: [['branchId', 'status', 'updatedAt'], ['status'], ['year'], ['category'], ['ownerId']],
  people: [['openid'], ['branchId']],
  org_units: [['kind']],
  groups: [['branchId']],
  sessions: [['token']],
}
