/** The showcase feature's public face: what other features may use of it. */
export { BorrowedFromNote, ShowcaseFigures } from './components/ShowcaseFigures'
export { useShowcase, type Showcase } from './hooks/use-showcase'
export { ShowcaseLoadState } from './components/ShowcaseLoadState'
