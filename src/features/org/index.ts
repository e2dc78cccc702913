/** The org feature's public face: what other features may use of it. */
export { currentPerson } from './current-person'
export { fetchMembers } from './api/fetch-members'
