/** Page addresses: the one route table lives in types/routes.ts (app.config.ts and the functions' messages read it). */
export { routes } from '@contract/routes'
