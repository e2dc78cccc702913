import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  checkBuiltFunction,
  checkDatabaseSpec,
  checkProjectFiles,
  checkQueryCoverage,
  cronProblem,
  loadBundle,
  openapiCalls,
  parseCollections,
  readProject,
  type BuiltFunction,
  type CloudbaseRc,
  type DatabaseSpec,
  type Finding,
} from '../checks'
import type { QueryShape } from '../../localcloud/db/query-log'

const root = join(__dirname, '..', '..')
const errors = (findings: Finding[]) => findings.filter((f) => f.level === 'error').map((f) => f.message)

const bundle = (body: string) =>
  `"use strict";var cloud=require("wx-server-sdk");cloud.init({env:cloud.DYNAMIC_CURRENT_ENV});${body}`
const goodFn = (over: Partial<BuiltFunction> = {}): BuiltFunction => ({
  name: 'reminders',
  bundle: bundle('exports.main=async()=>cloud.openapi.subscribeMessage.send({});'),
  packageJson: JSON.stringify({
    name: 'reminders',
    main: 'index.js',
    dependencies: { 'wx-server-sdk': '4.0.2' },
  }),
  configJson: JSON.stringify({
    permissions: { openapi: ['subscribeMessage.send'] },
    triggers: [{ name: 'sweep', type: 'timer', config: '0 */10 * * * * *' }],
  }),
  files: ['index.js', 'package.json', 'config.json'],
  ...over,
})

describe('function bundles', () => {
  it('loads a real built bundle with the SDK inert and finds its main', () => {
    const code = readFileSync(join(root, 'build', 'cloudfunctions', 'org', 'index.js'), 'utf8')
    const loaded = loadBundle(code, 'org/index.js')
    expect(typeof loaded.exports.main).toBe('function')
    expect(loaded.requires).toContain('wx-server-sdk')
  })

  it('accepts a correct folder', () => {
    expect(errors(checkBuiltFunction(goodFn()))).toEqual([])
  })

  it('refuses a bundle without main, one that requires an unbundled package, and one that throws on load', () => {
    expect(errors(checkBuiltFunction(goodFn({ bundle: bundle('exports.handler=1') })))[0]).toMatch(/main/)
    expect(
      errors(checkBuiltFunction(goodFn({ bundle: bundle('require("lodash");exports.main=()=>1') })))[0],
    ).toMatch(/lodash/)
    expect(errors(checkBuiltFunction(goodFn({ bundle: 'throw new Error("boom")' })))[0]).toMatch(/boom/)
    expect(errors(checkBuiltFunction(goodFn({ bundle: null })))[0]).toMatch(/missing/)
  })

  it('refuses an index.ts beside index.js', () => {
    expect(errors(checkBuiltFunction(goodFn({ files: ['index.js', 'index.ts'] })))[0]).toMatch(/index\.ts/)
  })

  it.each([
    ['a range', { 'wx-server-sdk': '^4.0.2' }],
    ['another version', { 'wx-server-sdk': '4.0.1' }],
    ['no SDK', {}],
    ['an extra dependency', { 'wx-server-sdk': '4.0.2', lodash: '4.17.21' }],
  ])('refuses a package.json with %s', (_what, dependencies) => {
    const fn = goodFn({ packageJson: JSON.stringify({ main: 'index.js', dependencies }) })
    expect(errors(checkBuiltFunction(fn))).toHaveLength(1)
  })

  it.each([
    ['six fields', '0 */10 * * * *', /7 个字段/],
    ['a bad minute', '0 61 * * * * *', /61/],
    ['a year long past', '0 0 9 1 1 * 2001', /never fires/],
    ['not a string', 5, /string/],
  ])('refuses a timer trigger with %s', (_what, cron, problem) => {
    const config = {
      permissions: { openapi: ['subscribeMessage.send'] },
      triggers: [{ name: 't', type: 'timer', config: cron }],
    }
    const found = errors(checkBuiltFunction(goodFn({ configJson: JSON.stringify(config) })))
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(problem)
  })

  it('refuses an openapi call the config does not permit, and an openapi use it cannot follow', () => {
    const noPermission = goodFn({ configJson: JSON.stringify({ permissions: { openapi: [] } }) })
    expect(errors(checkBuiltFunction(noPermission))[0]).toMatch(/subscribeMessage\.send/)
    const aliased = goodFn({
      bundle: bundle('var api=cloud.openapi;exports.main=()=>api.security.msgSecCheck({})'),
    })
    expect(errors(checkBuiltFunction(aliased)).join('\n')).toMatch(/untraceable/)
  })

  it('finds openapi calls in bundle text and ignores look-alikes', () => {
    expect(
      openapiCalls('x.openapi.subscribeMessage.send({});y.openapi.wxacode.getUnlimited();"openapi-3.0"'),
    ).toEqual({
      calls: ['subscribeMessage.send', 'wxacode.getUnlimited'],
      untraceable: 0,
    })
  })
})

describe('timer cron', () => {
  it('accepts WeChat 7-field expressions and rejects others', () => {
    expect(cronProblem('0 */10 * * * * *')).toBeNull()
    expect(cronProblem('0 0 2 * * MON *')).toBeNull()
    expect(cronProblem('*/10 * * * *')).toMatch(/7/)
  })
})

describe('project files', () => {
  const rc: CloudbaseRc = {
    envId: '{{env.CLOUD_ENV}}',
    functionRoot: './build/cloudfunctions',
    functions: [
      { name: 'org', runtime: 'Nodejs16.13', handler: 'index.main', timeout: 5 },
      {
        name: 'reminders',
        runtime: 'Nodejs16.13',
        handler: 'index.main',
        timeout: 60,
        triggers: [{ name: 'sweep', type: 'timer', config: '0 */10 * * * * *' }],
      },
    ],
  }
  const project = { miniprogramRoot: 'dist/', cloudfunctionRoot: 'build/cloudfunctions/' }
  const configs = {
    org: { permissions: { openapi: [] } },
    reminders: { triggers: [{ name: 'sweep', type: 'timer', config: '0 */10 * * * * *' }] },
  }

  it('accepts agreeing files', () => {
    expect(errors(checkProjectFiles(rc, project, ['org', 'reminders'], configs))).toEqual([])
  })

  it('refuses disagreeing roots, a function folder not deployed, a listed function without a folder', () => {
    expect(
      errors(
        checkProjectFiles(
          rc,
          { ...project, cloudfunctionRoot: 'cloudfunctions/' },
          ['org', 'reminders'],
          configs,
        ),
      )[0],
    ).toMatch(/disagree/)
    expect(errors(checkProjectFiles(rc, project, ['org', 'reminders', 'groups'], configs))[0]).toMatch(
      /groups/,
    )
    expect(errors(checkProjectFiles(rc, project, ['reminders'], configs))[0]).toMatch(
      /no such function folder/,
    )
  })

  it('refuses triggers that differ between cloudbaserc.json and config.json, and a hard-coded env id', () => {
    const other = {
      ...configs,
      reminders: { triggers: [{ name: 'sweep', type: 'timer', config: '0 0 * * * * *' }] },
    }
    expect(errors(checkProjectFiles(rc, project, ['org', 'reminders'], other))[0]).toMatch(/config\.json/)
    expect(
      errors(checkProjectFiles({ ...rc, envId: 'prod-123' }, project, ['org', 'reminders'], configs))[0],
    ).toMatch(/\.env/)
  })

  it('holds for the real repository files (the function folders, their configs, both project files)', () => {
    const files = readProject(root)
    expect(errors(checkProjectFiles(files.rc, files.project, files.sourceFunctions, files.configs))).toEqual(
      [],
    )
  })
})

describe('database declarations', () => {
  const spec: DatabaseSpec = {
    rule: { read: false, write: false },
    collections: {
      people: [['openid'], ['branchId']],
      projects: [['branchId', 'status', 'updatedAt'], ['updatedAt']],
    },
  }

  it('reads COLLECTIONS from cloud.ts', () => {
    const source = readFileSync(join(root, 'cloudfunctions', '_shared', 'cloud.ts'), 'utf8')
    expect(parseCollections(source)).toEqual(
      expect.arrayContaining(['people', 'projects', 'milestones', 'messages']),
    )
  })

  it('accepts a closed, complete declaration', () => {
    expect(
      errors(
        checkDatabaseSpec(spec, ['people', 'projects'], { people: [['openid']], sessions: [['token']] }),
      ),
    ).toEqual([])
  })

  it('refuses an open rule, an undeclared collection and a localcloud index missing in production', () => {
    expect(errors(checkDatabaseSpec({ ...spec, rule: { read: true, write: false } }, [], {}))[0]).toMatch(
      /rule/,
    )
    expect(errors(checkDatabaseSpec(spec, ['people', 'messages'], {}))[0]).toMatch(/messages/)
    expect(errors(checkDatabaseSpec(spec, [], { people: [['groupId']] }))[0]).toMatch(/groupId/)
    expect(errors(checkDatabaseSpec({ ...spec, collections: { _bad: [] } }, [], {}))[0]).toMatch(
      /invalid collection name/,
    )
  })

  const shape = (over: Partial<QueryShape>): QueryShape => ({
    api: 'get',
    collection: 'projects',
    filter: [],
    sort: [],
    byId: false,
    ...over,
  })

  it('accepts queries that an index serves, by-id reads, and localcloud-only collections', () => {
    const shapes = [
      shape({ filter: ['branchId', 'status'], sort: ['updatedAt', '_id'] }),
      shape({ sort: ['updatedAt', '_id'] }),
      shape({ filter: ['_id', 'anything'], byId: true }),
      shape({ collection: '_outbox', filter: ['x'] }),
      shape({ collection: 'people', filter: ['openid'] }),
    ]
    expect(errors(checkQueryCoverage(spec, shapes))).toEqual([])
  })

  it('refuses an undeclared collection, a filter no index leads with, an unindexed field, an unindexed sort', () => {
    expect(
      errors(checkQueryCoverage(spec, [shape({ collection: 'ratings', filter: ['projectId'] })]))[0],
    ).toMatch(/not declared/)
    expect(errors(checkQueryCoverage(spec, [shape({ filter: ['status'] })])).join('\n')).toMatch(
      /leads with a filtered/,
    )
    expect(errors(checkQueryCoverage(spec, [shape({ filter: ['branchId', 'ownerId'] })]))[0]).toMatch(
      /ownerId/,
    )
    expect(errors(checkQueryCoverage(spec, [shape({ sort: ['title'] })])).join('\n')).toMatch(/sort field/)
  })
})
