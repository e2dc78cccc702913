export { LocalDatabase, type LocalDatabaseOptions } from './database'
export { installLocalDatabase } from './install'
export { INDEXES } from './indexes'
export { DbError, ErrorCode } from './errors'
