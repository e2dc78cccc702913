/**
 * A fresh id for one submission, sent again on every retry so the function records it once. Random enough
 * for one person's check-ins (time + 64 random bits); no crypto API needed, which older WeChat clients lack.
 */
export function newRequestId(): string {
  const random = () => Math.floor(Math.random() * 0x100000000).toString(36)
  return `${Date.now().toString(36)}-${random()}${random()}`
}
