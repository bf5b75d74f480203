// Database semantics through the real wx-server-sdk, over HTTP, against the emulator's SQLite store.
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import type { Emulator } from '@emulator/index'
import type { TestDb, TestQuery } from './helpers'
import { sdkError, startTestEmulator, testDb } from './helpers'

let emu: Emulator
let db: TestDb
let _: typeof db.command

const PEOPLE = [
  { _id: 'p1', name: 'Lin', age: 25, city: '兰州', tags: ['tree', 'sand'], score: 3 },
  { _id: 'p2', name: 'Mei', age: 31, city: '民勤', tags: ['tree'], score: 5 },
  { _id: 'p3', name: 'Ma', age: 42, city: '民勤', tags: [], score: 4 },
  { _id: 'p4', name: 'Zhao', age: 19, city: '兰州', tags: ['water'] },
]

async function ids(query: TestQuery): Promise<string[]> {
  const { data } = await query.get()
  return data.map((d) => d._id as string)
}

before(async () => {
  const started = await startTestEmulator()
  emu = started.emu
  db = testDb(started.sdk)
  _ = db.command
})
after(() => emu.stop())

beforeEach(async () => {
  await db
    .collection('people')
    .where({ _id: _.exists(true) })
    .remove()
  for (const p of PEOPLE) await db.collection('people').add({ data: p })
})

describe('queries', () => {
  test('comparison operators', async () => {
    const people = db.collection('people')
    assert.deepEqual(await ids(people.where({ city: '民勤' })), ['p2', 'p3'])
    assert.deepEqual(await ids(people.where({ age: _.eq(31) })), ['p2'])
    assert.deepEqual(await ids(people.where({ city: _.neq('民勤') })), ['p1', 'p4'])
    assert.deepEqual(await ids(people.where({ age: _.lt(25) })), ['p4'])
    assert.deepEqual(await ids(people.where({ age: _.lte(25) })), ['p1', 'p4'])
    assert.deepEqual(await ids(people.where({ age: _.gt(31) })), ['p3'])
    assert.deepEqual(await ids(people.where({ age: _.gte(31) })), ['p2', 'p3'])
    assert.deepEqual(await ids(people.where({ name: _.in(['Ma', 'Lin', 'Nobody']) })), ['p1', 'p3'])
    assert.deepEqual(await ids(people.where({ name: _.nin(['Ma', 'Lin']) })), ['p2', 'p4'])
  })

  test('logic, exists, arrays and regular expressions', async () => {
    const people = db.collection('people')
    assert.deepEqual(await ids(people.where({ age: _.gt(20).and(_.lt(40)) })), ['p1', 'p2'])
    assert.deepEqual(await ids(people.where(_.or([{ age: _.lt(20) }, { city: '民勤', score: 4 }]))), [
      'p3',
      'p4',
    ])
    assert.deepEqual(await ids(people.where(_.and([{ city: '兰州' }, { age: _.gt(20) }]))), ['p1'])
    assert.deepEqual(await ids(people.where({ score: _.exists(false) })), ['p4'])
    assert.deepEqual(await ids(people.where({ tags: 'tree' })), ['p1', 'p2'])
    assert.deepEqual(await ids(people.where({ tags: _.all(['tree', 'sand']) })), ['p1'])
    assert.deepEqual(await ids(people.where({ tags: _.size(0) })), ['p3'])
    assert.deepEqual(await ids(people.where({ name: /^m/i })), ['p2', 'p3'])
    assert.deepEqual(await ids(people.where({ name: db.RegExp({ regexp: 'a$', options: '' }) })), ['p3'])
  })

  test('orderBy, skip, limit and field', async () => {
    const people = db.collection('people')
    assert.deepEqual(await ids(people.orderBy('age', 'desc')), ['p3', 'p2', 'p1', 'p4'])
    assert.deepEqual(await ids(people.orderBy('city', 'asc').orderBy('age', 'desc')), [
      'p1',
      'p4',
      'p3',
      'p2',
    ])
    assert.deepEqual(await ids(people.orderBy('age', 'asc').skip(1).limit(2)), ['p1', 'p2'])
    const { data } = await people.where({ _id: 'p2' }).field({ name: true }).get()
    assert.deepEqual(data, [{ _id: 'p2', name: 'Mei' }])
    const { data: withoutTags } = await people.doc('p1').field({ tags: false, city: false }).get()
    assert.deepEqual(withoutTags, { _id: 'p1', name: 'Lin', age: 25, score: 3 })
  })

  test('get returns 100 by default and at most 1000', async () => {
    const many = db.collection('many')
    await many.add({ data: Array.from({ length: 1005 }, (_v, i) => ({ i })) })
    assert.equal((await many.get()).data.length, 100)
    assert.equal((await many.limit(2000).get()).data.length, 1000)
    assert.equal((await many.count()).total, 1005)
  })

  test('count with and without a condition', async () => {
    assert.equal((await db.collection('people').count()).total, 4)
    assert.equal((await db.collection('people').where({ city: '兰州' }).count()).total, 2)
    assert.equal((await db.collection('nothing-here').count()).total, 0)
  })

  test('dates and server dates round-trip as Date', async () => {
    const before = Date.now()
    const { _id } = await db
      .collection('events')
      .add({ data: { at: new Date('2025-03-12T01:00:00Z'), created: db.serverDate() } })
    const { data } = await db
      .collection('events')
      .doc(_id as string)
      .get()
    const doc = data as { at: Date; created: Date }
    assert.ok(doc.at instanceof Date)
    assert.equal(doc.at.toISOString(), '2025-03-12T01:00:00.000Z')
    assert.ok(
      doc.created instanceof Date && doc.created.getTime() >= before && doc.created.getTime() <= Date.now(),
    )
    const later = await db
      .collection('events')
      .where({ at: _.gt(new Date('2025-01-01')) })
      .count()
    assert.equal(later.total, 1)
  })
})

describe('writes', () => {
  test('add generates an _id when none is given', async () => {
    const { _id } = await db.collection('notes').add({ data: { text: 'hi' } })
    assert.match(String(_id), /^[0-9a-f]{32}$/)
    assert.equal(
      (
        (
          await db
            .collection('notes')
            .doc(_id as string)
            .get()
        ).data as { text: string }
      ).text,
      'hi',
    )
  })

  test('a second add with the same _id fails and changes nothing', async () => {
    const err = await sdkError(db.collection('people').add({ data: { _id: 'p1', name: 'Impostor' } }))
    assert.equal(err.errCode, -502001)
    assert.match(err.errMsg, /duplicate key/)
    assert.equal(((await db.collection('people').doc('p1').get()).data as { name: string }).name, 'Lin')
  })

  test('a batch add with one taken _id inserts none of the batch', async () => {
    await sdkError(db.collection('people').add({ data: [{ _id: 'p9', name: 'New' }, { _id: 'p1' }] }))
    assert.equal((await db.collection('people').where({ _id: 'p9' }).count()).total, 0)
  })

  test('doc().get of a missing document fails', async () => {
    const err = await sdkError(db.collection('people').doc('nobody').get())
    assert.match(err.errMsg, /does not exist/)
  })

  test('doc().update with update commands', async () => {
    const people = db.collection('people')
    const res = await people.doc('p1').update({
      data: {
        age: _.inc(1),
        score: _.mul(2),
        tags: _.push(['oasis']),
        city: _.remove(),
        nested: { level: 1 },
      },
    })
    assert.equal(res.stats.updated, 1)
    const { data } = await people.doc('p1').get()
    assert.deepEqual(data, {
      _id: 'p1',
      name: 'Lin',
      age: 26,
      score: 6,
      tags: ['tree', 'sand', 'oasis'],
      nested: { level: 1 },
    })
    await people.doc('p1').update({ data: { tags: _.pull('sand'), 'nested.level': 2, name: _.set('Lin Y') } })
    await people.doc('p1').update({ data: { tags: _.addToSet('tree') } })
    const { data: again } = await people.doc('p1').get()
    assert.deepEqual(again, {
      _id: 'p1',
      name: 'Lin Y',
      age: 26,
      score: 6,
      tags: ['tree', 'oasis'],
      nested: { level: 2 },
    })
  })

  test('where().update counts only documents that matched and changed', async () => {
    const people = db.collection('people')
    assert.equal((await people.where({ city: '民勤' }).update({ data: { active: true } })).stats.updated, 2)
    assert.equal((await people.where({ city: '民勤' }).update({ data: { active: true } })).stats.updated, 0)
    assert.equal((await people.where({ city: '北京' }).update({ data: { active: true } })).stats.updated, 0)
  })

  test('the conditional increment stops at the capacity', async () => {
    await db.collection('calls').add({ data: { _id: 'c1', confirmed: 0 } })
    const results = []
    for (let i = 0; i < 4; i++) {
      const res = await db
        .collection('calls')
        .where({ _id: 'c1', confirmed: _.lt(3) })
        .update({ data: { confirmed: _.inc(1) } })
      results.push(res.stats.updated)
    }
    assert.deepEqual(results, [1, 1, 1, 0])
    assert.equal(((await db.collection('calls').doc('c1').get()).data as { confirmed: number }).confirmed, 3)
  })

  test('an update that cannot apply fails and changes nothing', async () => {
    const err = await sdkError(
      db
        .collection('people')
        .where({ city: '兰州' })
        .update({ data: { name: _.inc(1) } }),
    )
    assert.ok(err.errCode < 0)
    const { data } = await db.collection('people').where({ city: '兰州' }).get()
    assert.deepEqual(
      data.map((d) => (d as { name: string }).name),
      ['Lin', 'Zhao'],
    )
  })

  test('doc().set replaces, or creates when absent', async () => {
    const people = db.collection('people')
    const replaced = await people.doc('p1').set({ data: { name: 'Only name' } })
    assert.deepEqual(replaced.stats, { updated: 1, created: 0 })
    assert.deepEqual((await people.doc('p1').get()).data, { _id: 'p1', name: 'Only name' })
    const created = await people.doc('p7').set({ data: { name: 'Seven' } })
    assert.deepEqual(created.stats, { updated: 0, created: 1 })
    assert.deepEqual((await people.doc('p7').get()).data, { _id: 'p7', name: 'Seven' })
  })

  test('remove one document or many', async () => {
    const people = db.collection('people')
    assert.equal((await people.doc('p1').remove()).stats.removed, 1)
    assert.equal((await people.doc('p1').remove()).stats.removed, 0)
    assert.equal((await people.where({ city: '民勤' }).remove()).stats.removed, 2)
    assert.deepEqual(await ids(people), ['p4'])
  })
})

describe('aggregate', () => {
  test('match, group, sort, limit and project', async () => {
    const $ = _.aggregate
    const { list } = await db
      .collection('people')
      .aggregate()
      .match({ age: _.gt(18) })
      .group({ _id: '$city', people: $.sum(1), avgAge: $.avg('$age') })
      .sort({ people: -1, _id: 1 })
      .limit(5)
      .project({ _id: 0, city: '$_id', people: 1, avgAge: 1 })
      .end()
    assert.deepEqual(list, [
      { city: '兰州', people: 2, avgAge: 22 },
      { city: '民勤', people: 2, avgAge: 36.5 },
    ])
  })

  test('skip, count, unwind and lookup', async () => {
    await db.collection('cities').add({ data: { _id: '民勤', province: '甘肃' } })
    const { list: counted } = await db.collection('people').aggregate().skip(1).count('n').end()
    assert.deepEqual(counted, [{ n: 3 }])
    const { list: tags } = await db
      .collection('people')
      .aggregate()
      .unwind('$tags')
      .group({ _id: '$tags', n: _.aggregate.sum(1) })
      .sort({ n: -1, _id: 1 })
      .end()
    assert.deepEqual(tags, [
      { _id: 'tree', n: 2 },
      { _id: 'sand', n: 1 },
      { _id: 'water', n: 1 },
    ])
    const { list: joined } = await db
      .collection('people')
      .aggregate()
      .match({ _id: 'p2' })
      .lookup({ from: 'cities', localField: 'city', foreignField: '_id', as: 'place' })
      .project({ _id: 1, place: 1 })
      .end()
    assert.deepEqual(joined, [{ _id: 'p2', place: [{ _id: '民勤', province: '甘肃' }] }])
  })

  test('aggregation never changes the stored documents', async () => {
    await db.collection('people').aggregate().addFields({ extra: 1 }).end()
    assert.equal(
      (
        await db
          .collection('people')
          .where({ extra: _.exists(true) })
          .count()
      ).total,
      0,
    )
  })
})

test('every SDK database call is one counted round trip', async () => {
  const before = emu.counters.dbRequests
  await db.collection('people').doc('p1').get()
  await db.collection('people').where({ city: '兰州' }).count()
  assert.equal(emu.counters.dbRequests - before, 2)
})

test('the store gives tests direct access to the same data', async () => {
  assert.equal(emu.store.collection('people').get('p2')?.name, 'Mei')
  assert.deepEqual(
    emu.store
      .collection('people')
      .find({ age: { $gt: 30 } })
      .map((d) => d._id),
    ['p2', 'p3'],
  )
})
