/**
 * The project's layers, kept by lint (no plugin: the rule resolves our own aliases and relative paths).
 *
 *   types           imports nothing of ours
 *   domain          imports only types
 *   src             never imports cloudfunctions or localcloud
 *   cloudfunctions  never imports src or localcloud
 *   src/features/A  reaches another feature B only through src/features/B/index.ts, its public face
 *
 * Tests are outside the zones (they may sign in through localcloud), but not outside the feature rule.
 */
import path from 'node:path'

const ALIASES = [
  ['@/', 'src/'],
  ['@contract/', 'types/'],
  ['@domain/', 'domain/'],
]

const ZONES = {
  types: { may: ['types'], says: 'types/ imports nothing of ours but types/' },
  domain: { may: ['types', 'domain'], says: 'domain/ imports only types/ and domain/' },
  src: {
    mayNot: ['cloudfunctions', 'localcloud'],
    says: 'src/ never imports cloudfunctions/ or localcloud/',
  },
  cloudfunctions: {
    mayNot: ['src', 'localcloud'],
    says: 'cloudfunctions/ never imports src/ or localcloud/',
  },
}

const OURS = [
  'types',
  'domain',
  'src',
  'cloudfunctions',
  'localcloud',
  'e2e',
  'bench',
  'scripts',
  'deploy',
  'test',
]

function isTest(rel) {
  return /(^|\/)(__tests__|__mocks__)\//.test(rel) || /\.test\.[jt]sx?$/.test(rel) || rel.startsWith('test/')
}

/** Repository-relative path of what `source` names from `fromRel`, or null when it is a package. */
export function resolveSource(fromRel, source) {
  for (const [alias, dir] of ALIASES) {
    if (source.startsWith(alias)) return path.posix.normalize(dir + source.slice(alias.length))
  }
  if (source.startsWith('.'))
    return path.posix.normalize(path.posix.join(path.posix.dirname(fromRel), source))
  return null
}

function topOf(rel) {
  const top = rel.split('/')[0]
  return OURS.includes(top) ? top : null
}

function featureOf(rel) {
  const m = /^src\/features\/([^/]+)(\/|$)/.exec(rel)
  return m ? m[1] : null
}

/** Why `fromRel` may not import `targetRel`, or null when it may. */
export function crossing(fromRel, targetRel) {
  const from = topOf(fromRel)
  const to = topOf(targetRel)
  if (!from || !to) return null
  const zone = ZONES[from]
  if (zone && !isTest(fromRel)) {
    if (zone.may && !zone.may.includes(to)) return zone.says
    if (zone.mayNot && zone.mayNot.includes(to)) return zone.says
  }
  const a = featureOf(fromRel)
  const b = featureOf(targetRel)
  if (a && b && a !== b) {
    const inside = targetRel.slice(`src/features/${b}`.length).replace(/^\//, '')
    if (inside !== '' && !/^index(\.tsx?)?$/.test(inside)) {
      return `feature ${a} reaches into feature ${b}: import from '@/features/${b}' (its index.ts) instead`
    }
  }
  return null
}

const rule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Keep the layers: types → domain → src | cloudfunctions; features meet through index.ts',
    },
    schema: [],
    messages: { crossing: '{{why}} ({{source}})' },
  },
  create(context) {
    const root = context.cwd ?? process.cwd()
    const fromRel = path.relative(root, context.filename).split(path.sep).join('/')
    function check(node, sourceNode) {
      if (!sourceNode || typeof sourceNode.value !== 'string') return
      const target = resolveSource(fromRel, sourceNode.value)
      if (!target) return
      const why = crossing(fromRel, target)
      if (why) context.report({ node, messageId: 'crossing', data: { why, source: sourceNode.value } })
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      CallExpression(node) {
        const callee = node.callee
        const named =
          (callee.type === 'Identifier' && callee.name === 'require') ||
          (callee.type === 'MemberExpression' &&
            callee.object.type === 'Identifier' &&
            callee.object.name === 'jest' &&
            callee.property.type === 'Identifier' &&
            ['mock', 'requireActual', 'doMock'].includes(callee.property.name))
        if (named && node.arguments[0]?.type === 'Literal') check(node, node.arguments[0])
      },
    }
  },
}

export default { meta: { name: 'local-boundaries' }, rules: { layers: rule } }
