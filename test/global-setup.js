// Integration tests run the real function bundles, so build them once before the node suite.
module.exports = async () => {
  const { buildFunctions } = await import('../scripts/build-functions.mjs')
  await buildFunctions({ quiet: true })
}
