/** Characters no reader sees: spaces, zero-width and other format characters, control characters, fillers. */
const INVISIBLE = /[\p{Z}\p{Cc}\p{Cf}\s\u115F\u1160\u3164\uFFA0]/gu

/**
 * Whether text shows anything once invisible characters are set aside (a check-in of zero-width spaces does not).
 * Free of zod, so the app and domain/ can use it without bundling the schemas.
 */
export const hasVisibleText = (text: string): boolean => text.replace(INVISIBLE, '') !== ''
