/** null when `dist` is a weapp built to call `envId`; else what is wrong, in Chinese and English. */
export function weappEnvProblem(dist: string, envId: string): { zh: string; en: string } | null
