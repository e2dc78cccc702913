import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as cloud from 'wx-server-sdk'
import { installLocalDatabase, LocalDatabase } from '..'
import { getAll, setupLocalDatabase } from './harness'

type Send = (...args: unknown[]) => unknown

function requesterPrototype(): { send: Send } {
  const sdk = require.resolve('wx-server-sdk')
  const nodeSdk = createRequire(sdk).resolve('@cloudbase/node-sdk')
  const mod = createRequire(nodeSdk)('@cloudbase/node-sdk/dist/utils/tcbdbapirequester') as {
    TcbDBApiHttpRequester: { prototype: { send: Send } }
  }
  return mod.TcbDBApiHttpRequester.prototype
}

describe('install', () => {
  test('patches the SDK transport and restores it', () => {
    const proto = requesterPrototype()
    const original = proto.send
    const local = new LocalDatabase({ file: ':memory:' })
    const uninstall = installLocalDatabase(local)
    expect(proto.send).not.toBe(original)
    uninstall()
    expect(proto.send).toBe(original)
    local.close()
  })
})

describe('replies have the shape the SDK reads', () => {
  const h = setupLocalDatabase()

  test('insert, get, count, modify, remove, aggregate', async () => {
    const insert = await h.local.handle('database.insertDocument', {
      collectionName: 'c',
      data: ['{"_id":"x","n":{"$numberInt":"1"}}'],
    })
    expect(insert).toEqual({ requestId: expect.any(String), data: { insertedIds: ['x'] } })
    const get = await h.local.handle('database.getDocument', { collectionName: 'c', query: '{"_id":"x"}' })
    expect(get).toMatchObject({ data: { list: ['{"_id":"x","n":1}'], limit: 100, offset: 0 } })
    expect(await h.local.handle('database.calculateDocument', { collectionName: 'c' })).toMatchObject({
      data: { total: 1 },
    })
    const modify = await h.local.handle('database.modifyDocument', {
      collectionName: 'c',
      query: '{"_id":"y"}',
      data: '{"n":{"$numberInt":"2"}}',
      merge: false,
      upsert: true,
    })
    expect(modify).toMatchObject({ data: { updated: 0, matched: 0, upsert_id: 'y' } })
    const agg = await h.local.handle('database.aggregateDocuments', {
      collectionName: 'c',
      stages: [{ stageKey: '$count', stageValue: '"n"' }],
    })
    expect(agg).toMatchObject({ data: { list: ['{"n":2}'] } })
    expect(
      await h.local.handle('database.removeDocument', { collectionName: 'c', query: '{}', multi: true }),
    ).toMatchObject({ data: { deleted: 2 } })
  })

  test('errors are {code, message} replies, never throws', async () => {
    expect(await h.local.handle('database.nope', {})).toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining('unsupported'),
    })
    expect(await h.local.handle('database.getDocument', { collectionName: 'bad name!' })).toMatchObject({
      code: 'INVALID_PARAM',
    })
    expect(await h.local.handle('database.commitTransaction', { transactionId: 'nope' })).toMatchObject({
      code: 'DATABASE_TRANSACTION_FAIL',
    })
  })

  test('createCollection, and functions initialised with DYNAMIC_CURRENT_ENV', async () => {
    await h.db.createCollection('made')
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    const db = cloud.database()
    await db.collection('made').add({ data: { _id: 'm1', ok: true } })
    expect(await getAll(db.collection('made'))).toEqual([{ _id: 'm1', ok: true }])
  })

  test('updateAndReturn-style modifyAndReturnDoc returns the new document', async () => {
    h.local.insertMany('c', [{ _id: 'a', n: 1 }])
    const res = await h.local.handle('database.modifyAndReturnDoc', {
      collectionName: 'c',
      query: '{"_id":"a"}',
      data: '{"$inc":{"n":{"$numberInt":"4"}}}',
    })
    expect(res).toMatchObject({ data: { updated: 1, doc: '{"_id":"a","n":5}' } })
  })
})

describe('a database file', () => {
  test('persists across instances, Dates included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'localcloud-db-'))
    const file = join(dir, 'nested', 'db.sqlite')
    try {
      const first = new LocalDatabase({ file })
      const uninstall = installLocalDatabase(first)
      cloud.init({ env: 'local' })
      await cloud
        .database()
        .collection('projects')
        .add({ data: { _id: 'p', status: 'draft', updatedAt: new Date(Date.UTC(2020, 1, 2)) } })
      uninstall()
      first.close()

      const second = new LocalDatabase({ file })
      expect(second.find('projects', { status: 'draft' })).toEqual([
        { _id: 'p', status: 'draft', updatedAt: new Date(Date.UTC(2020, 1, 2)) },
      ])
      expect(second.explain('projects', { status: 'draft' })).toContain('USING INDEX projects__status')
      second.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
