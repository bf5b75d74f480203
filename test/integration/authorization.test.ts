// The authorization matrix: every action of the `api` function × every role, through the real SDK and the local
// cloud. The expected matrix is written out here, independently of the actions' declared audiences: a denial answers
// FORBIDDEN (UNAUTHENTICATED for an anonymous visitor) and leaves the database byte for byte as it was; an
// allowed call gets past authorization (it may still fail on a business rule, never with those codes).
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { permissionTable } from '@functions/api/registry'
import { call, DAY, form, HOUR, ngo, ORGANIZER, signUp, volunteer } from './docs'
import { startApi, type ApiHarness } from './harness'
import { callForm, REGISTRATION } from './ngo-docs'

let h: ApiHarness
before(async () => {
  h = await startApi()
})
after(() => h.stop())

const PEOPLE = {
  anonymous: undefined,
  volunteer: volunteer(1),
  owner: ORGANIZER,
  coOrganizer: 'oTEST_co_organizer_000000001',
  otherOrganizer: 'oTEST_other_organizer_000001',
  platformAdmin: 'oTEST_platform_admin_0000001',
} as const

type Person = keyof typeof PEOPLE

const ALL: Person[] = ['anonymous', 'volunteer', 'owner', 'coOrganizer', 'otherOrganizer', 'platformAdmin']
const SIGNED_IN: Person[] = ['volunteer', 'owner', 'coOrganizer', 'otherOrganizer', 'platformAdmin']
const ORGANIZERS: Person[] = ['owner', 'coOrganizer']
const OWNER: Person[] = ['owner']
const PLATFORM: Person[] = ['platformAdmin']

/** action → [a request about the fixture's NGO or call, who may make it] */
const MATRIX: Record<string, [object, Person[]]> = {
  listCalls: [{}, ALL],
  getCall: [{ callId: 'trees' }, ALL],
  signUp: [form(), SIGNED_IN],
  cancelSignUp: [{ callId: 'trees' }, SIGNED_IN],
  mySignUps: [{}, SIGNED_IN],
  getPhoneNumber: [{ code: 'not-a-real-code' }, SIGNED_IN],
  subscribeTemplates: [{}, ALL],
  recordSubscriptions: [{ callId: 'trees', accepted: [], requestId: 'tap1' }, SIGNED_IN],
  prepareShare: [{ callId: 'trees' }, SIGNED_IN],
  callShareStats: [{ callId: 'trees' }, ORGANIZERS],
  myRecruits: [{}, SIGNED_IN],
  closeCall: [{ callId: 'trees' }, ORGANIZERS],
  cancelCall: [{ callId: 'trees' }, ORGANIZERS],
  updateCall: [{ callId: 'trees', capacity: 40 }, ORGANIZERS],
  addSessions: [
    { callId: 'trees', sessions: [{ startAt: Date.now() + 30 * DAY, endAt: Date.now() + 30 * DAY + HOUR }] },
    ORGANIZERS,
  ],
  setSlotCapacity: [{ callId: 'trees', slot: 's1', capacity: 40 }, ORGANIZERS],
  updateSession: [{ callId: 'trees', sessionId: 's1', address: '新地点' }, ORGANIZERS],
  cancelSession: [{ callId: 'trees', sessionId: 's1' }, ORGANIZERS],
  saveRole: [{ callId: 'trees', name: '摄影', description: '', capacity: 2 }, ORGANIZERS],
  registerNgo: [REGISTRATION, SIGNED_IN],
  myNgo: [{}, SIGNED_IN],
  pendingNgos: [{}, PLATFORM],
  verifyNgo: [{ ngoId: 'ngo-pending' }, PLATFORM],
  rejectNgo: [{ ngoId: 'ngo-pending', reason: '材料不全' }, PLATFORM],
  saveCall: [{ ngoId: 'ngo-minqin', ...callForm() }, ORGANIZERS],
  publishCall: [{ callId: 'draft' }, ORGANIZERS],
  roster: [{ callId: 'trees' }, ORGANIZERS],
  exportRoster: [{ callId: 'trees' }, ORGANIZERS],
  listNgos: [{ province: '甘肃' }, ALL],
  getNgo: [{ ngoId: 'ngo-minqin' }, ALL],
  createInvite: [{ ngoId: 'ngo-minqin' }, OWNER],
  joinNgo: [{ code: 'Invite2345', name: '小周' }, SIGNED_IN],
  removeOrganizer: [{ ngoId: 'ngo-minqin', key: PEOPLE.coOrganizer.slice(-8) }, OWNER],
  checkInCode: [{ callId: 'trees', mode: 'in' }, ORGANIZERS],
  checkIn: [{ code: `c.trees.in.1.${'A'.repeat(43)}` }, SIGNED_IN],
  personalCode: [{}, SIGNED_IN],
  markAttendance: [{ callId: 'trees', mode: 'in', signUpId: `trees_${volunteer(1)}` }, ORGANIZERS],
  addWalkIn: [{ callId: 'trees', name: '路过的人', phone: '13900139000' }, ORGANIZERS],
  checkOutAll: [{ callId: 'trees' }, ORGANIZERS],
  offlinePasses: [{}, SIGNED_IN],
  offlineRoster: [{ callId: 'trees' }, ORGANIZERS],
  syncCheckIns: [
    {
      callId: 'trees',
      sessionId: 's1',
      records: [{ id: 'phone1-1', mode: 'in', at: Date.now(), signUpId: `trees_${volunteer(1)}` }],
    },
    ORGANIZERS,
  ],
  editHours: [
    { callId: 'trees', signUpId: `trees_${volunteer(1)}`, hours: 2, reason: '补录时长' },
    ORGANIZERS,
  ],
  confirmHours: [{ callId: 'trees' }, ORGANIZERS],
  markNoShows: [{ callId: 'trees' }, ORGANIZERS],
  attendance: [{ callId: 'trees' }, ORGANIZERS],
  setHoursRule: [{ ngoId: 'ngo-minqin', rule: { zeroBelow: 10, halfBelow: 40 } }, ORGANIZERS],
  myHours: [{}, SIGNED_IN],
  exportHours: [{ ngoId: 'ngo-minqin', from: Date.now() - 30 * DAY, to: Date.now() }, ORGANIZERS],
  issueCertificate: [{ signUpId: `trees_${volunteer(1)}` }, SIGNED_IN],
  myCertificates: [{}, SIGNED_IN],
  verifyCertificate: [{ code: '7KQ4-M9XC-2HDW' }, ALL],
  deleteMyData: [{ confirm: '删除' }, SIGNED_IN],
  exportInsuranceList: [{ callId: 'trees' }, OWNER],
  notifyVolunteers: [
    { callId: 'trees', text: '明早八点集合，请带好手套', audience: 'confirmed', requestId: 'notice1' },
    ORGANIZERS,
  ],
  callNotices: [{ callId: 'trees' }, SIGNED_IN],
}

function seed(): void {
  h.reset()
  h.insert({
    ngos: [
      ngo({ admins: [PEOPLE.owner, PEOPLE.coOrganizer], inviteCode: 'Invite2345' }),
      ngo({ _id: 'ngo-other', name: '别的公益', admins: [PEOPLE.otherOrganizer] }),
      ngo({
        _id: 'ngo-pending',
        name: '待审核的机构',
        status: 'pending',
        admins: ['oTEST_pending_owner_0000001'],
      }),
    ],
    calls: [call(), call({ _id: 'draft', status: 'draft' })],
    signups: [signUp('trees', volunteer(1)), signUp('trees', volunteer(2))],
  })
  h.emu.store.collection('users').insert([{ _id: PEOPLE.platformAdmin, roles: ['admin'] }])
}

const PERMISSIONS = permissionTable()

test('the matrix covers every action of the api function', () => {
  const missing = Object.keys(PERMISSIONS).filter((action) => !(action in MATRIX))
  assert.deepEqual(missing, [], 'add a row to MATRIX for each new action')
})

for (const [action, [body, allowed]] of Object.entries(MATRIX)) {
  if (!(action in PERMISSIONS)) continue
  describe(action, () => {
    for (const person of ALL) {
      const may = allowed.includes(person)
      test(`${person}: ${may ? 'allowed' : 'refused, nothing changes'}`, async () => {
        seed()
        const before = h.snapshot()
        const result = await h.api(action, body, PEOPLE[person])
        const code = result.ok ? 'OK' : result.code
        if (may) {
          assert.ok(code !== 'FORBIDDEN' && code !== 'UNAUTHENTICATED', JSON.stringify(result))
          assert.notEqual(code, 'INTERNAL', JSON.stringify(result))
        } else {
          assert.equal(code, person === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN', JSON.stringify(result))
          assert.equal(h.snapshot(), before, 'the database is unchanged')
        }
      })
    }
  })
}
