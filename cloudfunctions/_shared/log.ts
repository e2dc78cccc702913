/** Structured logs carry ids and codes only, never phone numbers or members' free text (PRODUCT.md, Privacy). */
export function logEvent(
  level: 'info' | 'error',
  event: string,
  fields: Record<string, string | number | boolean | null>,
) {
  const line = JSON.stringify({ level, event, ...fields, at: new Date().toISOString() })
  if (level === 'error') console.error(line)
  else console.log(line)
}
