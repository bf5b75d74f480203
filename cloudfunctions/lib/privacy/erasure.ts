// Deleting a volunteer's data (privacy/contract.ts), one step per kind of data. Every step only finds what is still
// there and changes it, so running them all again after a crash half-way finishes the job and changes nothing
// that was already done.
import { ERASED_NAME } from '@core/privacy/privacy'
import type { Certificate, SignUp } from '@core/model'
import { _, db } from '@lib/cloud/cloud'
import { deleteFiles } from '@lib/cloud/cloud-files'
import { collection, find, findById, updateWhere } from '@lib/cloud/db'
import { deleteExportsAbout } from './exports'
import { deleteInsuranceOf } from './insurance'
import { giveBack } from '@lib/waitlist/give-back'
import { withQuotaRetry } from '@lib/cloud/quota-retry'

const PAGE = 100

async function removeWhere(name: string, where: Record<string, unknown>): Promise<number> {
  const result = (await withQuotaRetry(() => db.collection(name).where(where).remove(), 'write')) as {
    stats: { removed: number }
  }
  return result.stats.removed
}

/** Whether the person manages an NGO: the NGO must remove them before their data can go. */
export async function isOrganizer(openid: string): Promise<boolean> {
  const [ngo] = await find(collection('ngos').where({ admins: openid }).limit(1))
  return ngo !== undefined
}

/** Gives back every booking on a call not yet started, as cancelSignUp does; returns how many it gave back. */
export async function cancelBookings(openid: string, now: number): Promise<number> {
  let cancelled = 0
  let after = ''
  for (;;) {
    const page = await find<SignUp>(
      collection('signups')
        .where({ openid, status: _.in(['confirmed', 'waitlisted']), _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(PAGE),
    )
    for (const signUp of page) {
      // A call under way or past keeps its booking: it is attendance the NGO is recording.
      if ((await giveBack(signUp._id, now)).outcome === 'cancelled') cancelled++
    }
    if (page.length < PAGE) return cancelled
    after = page[page.length - 1]._id
  }
}

/**
 * Every sign-up keeps what the NGO's records need (status, times, attendance, hours, the openid its figures
 * count people by, the size of their party) and loses what the person told: name, phone, written answers, the
 * names of who came along, subscriptions.
 */
export async function eraseSignUps(openid: string, now: number): Promise<number> {
  return updateWhere(collection('signups').where({ openid, erasedAt: _.exists(false) }), {
    name: ERASED_NAME,
    phone: '',
    answers: _.set({}),
    companions: _.remove(), // their names too; `party` stays, so the places they held are still counted
    subscriptions: _.remove(),
    subscriptionRequests: _.remove(),
    erasedAt: now,
    updatedAt: now,
  })
}

/** Certificates state the person's name: each goes with its stored pictures (pictures first, so none is lost). */
export async function voidCertificates(openid: string): Promise<void> {
  for (;;) {
    const page = await find<Certificate>(collection('certificates').where({ openid }).limit(PAGE))
    for (const certificate of page) {
      const pictures = await find<{ _id: string; fileID: string }>(
        db.collection('posters').where({ certificateNo: certificate._id }).limit(PAGE),
      )
      await deleteFiles(pictures.map((picture) => picture.fileID))
      await removeWhere('posters', { certificateNo: certificate._id })
      await removeWhere('certificates', { _id: certificate._id })
    }
    if (page.length < PAGE) return
  }
}

/**
 * Every roster or hours export that may list the person (exports.ts): the rosters of every call they signed up
 * for, the hours exports of those calls' NGOs. After eraseSignUps, so no export made from now on lists them.
 */
export async function deleteExports(openid: string): Promise<void> {
  await deleteExportsAbout(openid)
}

/** Insurance details go at once, whatever their retention date. */
export async function deleteInsurance(openid: string): Promise<void> {
  await deleteInsuranceOf(openid)
}

/** Messages not sent yet are dropped; sent ones keep their record of delivery but no text. */
export async function clearMessages(openid: string): Promise<void> {
  await removeWhere('messages', { openid, status: _.in(['pending', 'sending']) })
  await updateWhere(collection('messages').where({ openid, status: _.nin(['pending', 'sending']) }), {
    data: _.set({}),
  })
}

/** The referrer code and the share activities made for the person's cards. */
export async function removeSharing(openid: string): Promise<void> {
  await removeWhere('referrers', { openid })
  await removeWhere('shareActivities', { openid })
}

/** The `users` document goes, unless it makes the person a platform admin: then only the nickname goes. */
export async function removeUser(openid: string): Promise<void> {
  const user = await findById('users', openid)
  if (!user) return
  if (user.roles.includes('admin')) {
    if (user.nickname !== undefined)
      await updateWhere(collection('users').where({ _id: openid }), { nickname: _.remove() })
    return
  }
  await removeWhere('users', { _id: openid })
}
