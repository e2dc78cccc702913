/** Types of build-functions.mjs for the TypeScript scripts that import it. */
export const outRoot: string
export function functionNames(): string[]
export function buildFunctions(options?: { quiet?: boolean }): Promise<string[]>
