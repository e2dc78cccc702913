import '@testing-library/jest-dom'

// Call counts must not leak from one test into the next; implementations set per test stay.
afterEach(() => {
  jest.clearAllMocks()
})
