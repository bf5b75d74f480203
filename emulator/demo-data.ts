// The local demo: Rescue Minqin's tree-planting call and a dozen more from grassroots groups in several cities,
// with existing sign-ups that agree with every call's `confirmed` and `waitlisted` counters (a full call has a
// queue; some calls have a cancellation cutoff a day before the start). Dates are relative to `now`, so the
// demo always has upcoming calls. Everyone except the personas (src/core/shared/demo-personas.ts) is invented.
import { toNgoOnCall } from '@core/calls/views'
import { PERSONAS, type Persona } from '@core/shared/demo-personas'
import { minutesBetween, roundHours } from '@core/attendance/hours'
import { emptySlots, signUpIdFor, totalCapacity } from '@core/calls/slots'
import { sessionsFromRule } from '@core/calls/repeat'
import type { CallRole, CallSession, RepeatRule, SignUpSource } from '@core/model'
import { chinaDayKey } from '@core/shared/china-time'
import type { Call, Ngo, Notice, Question, SignUp, SignUpStatus } from '@core/model'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const CHINA_OFFSET = 8 * HOUR

function persona(key: Persona['key']): string {
  const found = PERSONAS.find((p) => p.key === key)
  if (!found) throw new Error(`no persona ${key}`)
  return found.openid
}

const ORGANIZER = persona('organizer')
const VOLUNTEER = persona('volunteer')
const VOLUNTEER2 = persona('volunteer2')

type NgoSeed = Omit<Ngo, 'createdAt' | 'logo'>

const NGOS: NgoSeed[] = [
  {
    _id: 'rescue-minqin',
    name: '民勤治沙',
    city: '甘肃·民勤',
    causes: ['环境保护', '乡村振兴'],
    intro:
      '民勤夹在巴丹吉林和腾格里两大沙漠之间。我们从2011年起组织志愿者在沙漠边缘压草方格、种梭梭，至今已种下数十万株，希望把绿色一点点推回沙漠。',
    contact: '0935-0000000',
    status: 'verified',
    admins: [ORGANIZER],
  },
  {
    _id: 'bj-yinling',
    name: '银龄陪伴计划',
    city: '北京',
    causes: ['助老', '社区服务'],
    intro: '扎根海淀、西城的老旧小区，陪独居和高龄老人聊聊天、办办事，教他们用手机，让老人不被数字时代落下。',
    contact: 'yinling@example.org',
    status: 'verified',
    admins: ['oFAKE_ngo_admin_bjyinling01'],
  },
  {
    _id: 'sh-wutong',
    name: '梧桐里社区营造社',
    city: '上海',
    causes: ['社区服务', '文化艺术', '环境保护'],
    intro: '在徐汇、黄浦的老弄堂里做社区花园、口述史和邻里市集，相信街坊之间的连接能让城市更温柔。',
    contact: 'wutong@example.org',
    status: 'verified',
    admins: ['oFAKE_ngo_admin_shwutong001'],
  },
  {
    _id: 'cd-maohaizi',
    name: '蓉城毛孩子之家',
    city: '成都',
    causes: ['动物保护'],
    intro: '一个由志愿者撑起来的流浪动物救助站，目前照顾着120多只猫狗，坚持救助、绝育、科学领养。',
    contact: 'maohaizi@example.org',
    status: 'verified',
    admins: ['oFAKE_ngo_admin_cdmaohaizi1'],
  },
  {
    _id: 'gz-xingxing',
    name: '星星同行',
    city: '广州',
    causes: ['助残', '助学'],
    intro: '为孤独症和心智障碍的孩子及家庭提供融合活动与喘息服务，也为大龄心智障碍者开设庇护工场。',
    contact: 'xingxing@example.org',
    status: 'verified',
    admins: ['oFAKE_ngo_admin_gzxingxing1'],
  },
  {
    _id: 'hz-shanhai',
    name: '山海支教团',
    city: '杭州',
    causes: ['助学', '乡村振兴'],
    intro: '由杭州高校学生和青年教师组成，常年为淳安、建德山区小学提供线上陪读和暑期支教。',
    contact: 'shanhai@example.org',
    status: 'verified',
    admins: ['oFAKE_ngo_admin_hzshanhai01'],
  },
  {
    _id: 'sz-haian',
    name: '海岸线守护者',
    city: '深圳',
    causes: ['环境保护'],
    intro: '一群潜水员和冲浪爱好者发起的净滩行动，每月在大鹏半岛的海滩上捡垃圾、做海洋垃圾分类记录。',
    contact: 'haian@example.org',
    contactName: '林海',
    contactPhone: '13760001234',
    creditCode: '52440300MJ00000205',
    status: 'pending',
    admins: ['oFAKE_ngo_admin_szhaian0001'],
  },
]

const TREE_QUESTIONS: Question[] = [
  {
    id: 'planted',
    kind: 'single',
    title: '是否参加过植树活动？',
    required: true,
    options: ['参加过', '没有参加过'],
  },
  { id: 'size', kind: 'single', title: '衣服尺码', required: true, options: ['S', 'M', 'L', 'XL', 'XXL'] },
  { id: 'words', kind: 'textarea', title: '想对我们说的话', required: false, maxLength: 300 },
]

interface CallSeed {
  _id: string
  ngoId: string
  title: string
  description: string
  tags: string[]
  city: string
  address: string
  location?: { lat: number; lng: number }
  /** days from today (China time), and the local hour it starts */
  day: number
  hour: number
  /** instead of day and hour: it started this many hours ago (whole hours), so it is on whenever the demo runs */
  startedHoursAgo?: number
  hours: number
  /** sign-up closes this many days before the start */
  deadlineDays: number
  capacity: number
  confirmed: number
  /** people on the waitlist (a full call only) */
  waitlisted?: number
  /** giving a seat back later than this many hours before the start counts as a late drop-out */
  cutoffHours?: number
  status?: Call['status']
  questions?: Question[]
  /** the call asks for insurance details */
  insurance?: Call['insurance']
}

const CALLS: CallSeed[] = [
  {
    _id: 'mq-trees',
    ngoId: 'rescue-minqin',
    title: '民勤梭梭林植树志愿者招募',
    description:
      '春季是民勤种梭梭的最好时节。我们将在西渠镇的沙漠边缘栽种梭梭苗，先扎草方格固沙，再挖坑、栽苗、浇水，每人一天大约能种下60株。\n\n' +
      '集合：早上8:00在民勤县城文化广场集合，统一乘车前往种植点（约1小时）。\n' +
      '装备：请穿长袖长裤和运动鞋，带帽子、墨镜、防晒霜和足够的饮用水；工具和手套由我们提供。\n' +
      '午餐：提供简餐。活动购买意外险，需要填写真实姓名。\n\n' +
      '沙漠风大、日照强，请量力而行。十年后，这里会是一片绿。',
    tags: ['环保', '户外'],
    city: '甘肃·民勤',
    address: '甘肃省武威市民勤县西渠镇治沙点',
    location: { lat: 38.89, lng: 103.35 },
    day: 10,
    hour: 8,
    hours: 9,
    deadlineDays: 2,
    capacity: 30,
    confirmed: 17,
    cutoffHours: 24,
    questions: TREE_QUESTIONS,
  },
  {
    _id: 'bj-elder-visit',
    ngoId: 'bj-yinling',
    title: '周末探访独居老人',
    description:
      '两人一组，上门陪伴海淀区的独居老人聊天、量血压、帮忙整理房间。第一次参加的志愿者会和老队员搭档，出发前有半小时培训。',
    tags: ['助老', '社区'],
    city: '北京',
    address: '北京市海淀区花园路街道社区服务中心',
    location: { lat: 39.98, lng: 116.37 },
    day: 3,
    hour: 9,
    hours: 3,
    deadlineDays: 1,
    capacity: 10,
    confirmed: 9,
    cutoffHours: 24,
    questions: [
      { id: 'dialect', kind: 'text', title: '会说哪些方言？', required: false, maxLength: 30 },
      {
        id: 'slot',
        kind: 'single',
        title: '可以参加的时段',
        required: true,
        options: ['上午', '下午', '都可以'],
      },
    ],
  },
  {
    _id: 'bj-phone-class',
    ngoId: 'bj-yinling',
    title: '教老人用智能手机：挂号、打车、视频通话',
    description:
      '一对一教社区老人使用手机：在线挂号、健康码、打车和给子女视频。需要耐心，最好能说慢一点、说清楚一点。',
    tags: ['助老', '社区'],
    city: '北京',
    address: '北京市西城区白纸坊街道老年活动站',
    day: 5,
    hour: 14,
    hours: 2,
    deadlineDays: 1,
    capacity: 8,
    confirmed: 8,
    waitlisted: 2,
    cutoffHours: 24,
  },
  {
    _id: 'bj-library',
    ngoId: 'bj-yinling',
    title: '社区图书角整理与读书会',
    description: '帮社区图书角分类上架捐赠图书，下午和老人们一起读报、聊书。适合喜欢安静工作的朋友。',
    tags: ['社区', '文化'],
    city: '北京',
    address: '北京市海淀区北太平庄社区图书角',
    day: 12,
    hour: 10,
    hours: 5,
    deadlineDays: 1,
    capacity: 12,
    confirmed: 4,
  },
  {
    _id: 'sh-garden',
    ngoId: 'sh-wutong',
    title: '弄堂社区花园共建日',
    description:
      '把弄堂口的一块闲置空地变成社区花园：翻土、做堆肥箱、种香草和蔬菜。小朋友可以在家长陪同下参加。',
    tags: ['社区', '环保'],
    city: '上海',
    address: '上海市徐汇区康平路弄堂口',
    location: { lat: 31.2, lng: 121.44 },
    day: 6,
    hour: 9,
    hours: 4,
    deadlineDays: 1,
    capacity: 25,
    confirmed: 11,
    questions: [
      {
        id: 'kids',
        kind: 'single',
        title: '是否带孩子一起来？',
        required: true,
        options: ['不带', '带1个', '带2个及以上'],
      },
      {
        id: 'skills',
        kind: 'multi',
        title: '你擅长',
        required: false,
        options: ['木工', '园艺', '画画', '拍照'],
      },
    ],
  },
  {
    _id: 'sh-oral-history',
    ngoId: 'sh-wutong',
    title: '老街口述史采集志愿者',
    description: '跟随项目组拜访老街坊，录音并整理他们的弄堂记忆。需要会用手机录音，能听懂一些上海话更好。',
    tags: ['文化', '社区'],
    city: '上海',
    address: '上海市黄浦区老西门街道',
    day: 9,
    hour: 13,
    hours: 4,
    deadlineDays: 3,
    capacity: 6,
    confirmed: 5,
    questions: [
      {
        id: 'shanghainese',
        kind: 'single',
        title: '能听懂上海话吗？',
        required: true,
        options: ['能', '一点点', '不能'],
      },
    ],
  },
  {
    _id: 'sh-upcycle-market',
    ngoId: 'sh-wutong',
    title: '旧物改造邻里市集',
    description: '市集摊位和志愿者已经招满，报名已关闭，感谢大家！',
    tags: ['社区', '环保'],
    city: '上海',
    address: '上海市徐汇区天平路街道睦邻中心',
    day: 8,
    hour: 10,
    hours: 6,
    deadlineDays: 2,
    capacity: 20,
    confirmed: 14,
    status: 'closed',
  },
  {
    _id: 'cd-shelter-care',
    ngoId: 'cd-maohaizi',
    title: '救助站清洁与遛狗',
    description: '打扫犬舍猫舍、清洗食盆、带狗狗们出去放风。会弄脏衣服，请穿旧衣服和防水鞋。需年满16岁。',
    tags: ['动物保护'],
    city: '成都',
    address: '成都市郫都区德源街道救助基地',
    location: { lat: 30.79, lng: 103.9 },
    day: 4,
    hour: 9,
    hours: 5,
    deadlineDays: 1,
    capacity: 12,
    confirmed: 6,
    questions: [
      { id: 'pets', kind: 'single', title: '是否养过猫狗？', required: true, options: ['养过', '没养过'] },
    ],
  },
  {
    _id: 'cd-adoption-day',
    ngoId: 'cd-maohaizi',
    title: '领养日活动协助',
    description: '在商场中庭举办领养日：布置场地、照看动物、向来访者介绍科学养宠和领养流程。',
    tags: ['动物保护', '社区'],
    city: '成都',
    address: '成都市锦江区春熙路某商场中庭',
    day: 14,
    hour: 10,
    hours: 7,
    deadlineDays: 2,
    capacity: 15,
    confirmed: 13,
  },
  {
    _id: 'gz-sports-day',
    ngoId: 'gz-xingxing',
    title: '星星的孩子融合运动会',
    description:
      '一年一度的融合运动会，孤独症孩子和普通孩子一起参加趣味项目。志愿者负责一对一陪伴、项目引导和后勤，活动前一天晚上有线上培训。',
    tags: ['助残', '教育'],
    city: '广州',
    address: '广州市天河区某小学操场',
    location: { lat: 23.13, lng: 113.33 },
    day: 11,
    hour: 8,
    hours: 5,
    deadlineDays: 3,
    capacity: 40,
    confirmed: 23,
    questions: [
      {
        id: 'experience',
        kind: 'multi',
        title: '相关经验（可多选）',
        required: false,
        options: ['特殊教育', '带过孩子', '医护急救', '都没有'],
      },
    ],
  },
  {
    _id: 'gz-bakery',
    ngoId: 'gz-xingxing',
    title: '庇护工场烘焙陪伴',
    description: '陪大龄心智障碍学员一起做曲奇和面包，协助称量、计时和包装。不需要会烘焙，需要耐心和笑容。',
    tags: ['助残'],
    city: '广州',
    address: '广州市海珠区星星同行庇护工场',
    day: 7,
    hour: 14,
    hours: 3,
    deadlineDays: 1,
    capacity: 6,
    confirmed: 5,
  },
  {
    _id: 'hz-online-reading',
    ngoId: 'hz-shanhai',
    title: '乡村小学线上陪读（一学期）',
    description:
      '每周两个晚上，通过视频陪淳安山区小学的孩子读绘本、讲故事。一学期16周，希望能坚持到底；开营前有两次线上培训。',
    tags: ['支教', '教育', '线上'],
    city: '杭州',
    address: '线上（腾讯会议）',
    day: 20,
    hour: 19,
    hours: 1,
    deadlineDays: 5,
    capacity: 20,
    confirmed: 7,
    questions: [
      {
        id: 'nights',
        kind: 'multi',
        title: '可以参加的晚上',
        required: true,
        options: ['周一', '周二', '周三', '周四'],
      },
      { id: 'why', kind: 'textarea', title: '为什么想参加陪读？', required: true, maxLength: 500 },
    ],
  },
  {
    _id: 'hz-summer-camp',
    ngoId: 'hz-shanhai',
    title: '暑期山区支教营（7天）',
    description:
      '在建德山区小学开展为期7天的夏令营：美术、科学小实验、体育游戏。食宿由学校提供，往返交通自理。\n\n' +
      '我们为每位志愿者购买7天的意外险：报名时需填写身份证号和紧急联系人，活动结束30天后自动删除。',
    tags: ['支教', '教育'],
    city: '杭州',
    address: '杭州市建德市某村小学',
    day: 25,
    hour: 9,
    hours: 8,
    deadlineDays: 10,
    capacity: 10,
    confirmed: 3,
    insurance: { idNumber: true, emergencyContact: true, retentionDays: 30 },
    questions: [
      {
        id: 'subject',
        kind: 'single',
        title: '想带的课',
        required: true,
        options: ['美术', '科学', '体育', '音乐'],
      },
      {
        id: 'teacher',
        kind: 'single',
        title: '是否师范专业或有教学经验',
        required: false,
        options: ['是', '否'],
      },
    ],
  },
  {
    _id: 'sz-beach-cleanup',
    ngoId: 'sz-haian',
    title: '西涌海滩净滩行动',
    description:
      '退潮时沿海滩捡拾垃圾，并按类别称重记录，数据会提交给海洋垃圾监测项目。自备手套和水，注意防晒。',
    tags: ['环保', '户外'],
    city: '深圳',
    address: '深圳市大鹏新区西涌沙滩',
    location: { lat: 22.48, lng: 114.53 },
    day: 2,
    hour: 15,
    hours: 3,
    deadlineDays: 1,
    capacity: 30,
    confirmed: 0,
    // 海岸线守护者 is still under review: it may draft calls, not publish them
    status: 'draft',
  },
  {
    _id: 'mq-town-sorting',
    ngoId: 'rescue-minqin',
    title: '民勤县城垃圾分类宣传日',
    description:
      '在县城文化广场摆摊，向居民讲解垃圾分类，发放宣传册。活动进行中：到场的志愿者请在「我的 → 扫码签到」扫描组织者手机上的签到码。',
    tags: ['环保', '社区'],
    city: '甘肃·民勤',
    address: '民勤县城文化广场',
    location: { lat: 38.62, lng: 103.09 },
    day: 0,
    hour: 0,
    startedHoursAgo: 1,
    hours: 4,
    deadlineDays: 1,
    capacity: 12,
    confirmed: 9,
  },
  {
    _id: 'mq-spring-sand',
    ngoId: 'rescue-minqin',
    title: '民勤春季压沙活动',
    description: '在青土湖附近扎草方格固沙。活动已结束，感谢所有参加的志愿者！',
    tags: ['环保', '户外'],
    city: '甘肃·民勤',
    address: '甘肃省武威市民勤县青土湖',
    day: -20,
    hour: 8,
    hours: 9,
    deadlineDays: 3,
    capacity: 20,
    confirmed: 16,
    questions: TREE_QUESTIONS,
  },
  {
    _id: 'mq-autumn-draft',
    ngoId: 'rescue-minqin',
    title: '秋季种树（筹备中）',
    description: '秋季补种活动，时间和地点还在确认中。',
    tags: ['环保'],
    city: '甘肃·民勤',
    address: '待定',
    day: 40,
    hour: 8,
    hours: 9,
    deadlineDays: 5,
    capacity: 30,
    confirmed: 0,
    status: 'draft',
    questions: TREE_QUESTIONS,
  },
]

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'
const GIVEN = [
  '子涵',
  '一诺',
  '浩然',
  '欣怡',
  '宇轩',
  '思远',
  '雨桐',
  '梓萱',
  '晨阳',
  '佳琪',
  '嘉怡',
  '明哲',
  '若曦',
  '文博',
]

/** The n-th invented volunteer: a 28-character openid like WeChat's, a name and a valid-looking number. */
function extra(n: number): { openid: string; name: string; phone: string } {
  return {
    openid: `oFAKE_volunteer_${String(n).padStart(12, '0')}`,
    name: SURNAMES[n % SURNAMES.length] + GIVEN[(n * 7) % GIVEN.length],
    phone: `1${3 + (n % 7)}${String(9_000_000_000 - n * 7919).slice(-9)}`,
  }
}

/** A plausible answer for each required question (the first option; a short text). */
function sampleAnswers(questions: Question[], n: number): SignUp['answers'] {
  const answers: SignUp['answers'] = {}
  for (const q of questions) {
    const options = q.options ?? []
    if (q.kind === 'single') answers[q.id] = options[n % options.length]
    else if (q.kind === 'multi') answers[q.id] = [options[n % options.length]]
    else if (q.required) answers[q.id] = '希望能帮上忙。'
  }
  return answers
}

/** Midnight of the day `days` from today, China time, plus `hour` hours. */
function chinaTime(now: number, days: number, hour: number): number {
  const today = Math.floor((now + CHINA_OFFSET) / DAY) * DAY - CHINA_OFFSET
  return today + days * DAY + hour * HOUR
}

export function demoData(now: number): Record<string, object[]> {
  const ngos: Ngo[] = NGOS.map((ngo, i) => ({ ...ngo, logo: '', createdAt: now - (400 - i * 30) * DAY }))
  const calls: Call[] = []
  const signups: SignUp[] = []
  let volunteerNo = 0

  for (const seed of CALLS) {
    const startAt =
      seed.startedHoursAgo !== undefined
        ? Math.floor(now / HOUR) * HOUR - seed.startedHoursAgo * HOUR
        : chinaTime(now, seed.day, seed.hour)
    const createdAt = Math.min(now, startAt) - 15 * DAY
    const questions = seed.questions ?? []
    calls.push({
      _id: seed._id,
      ngoId: seed.ngoId,
      title: seed.title,
      description: seed.description,
      cover: '',
      tags: seed.tags,
      city: seed.city,
      address: seed.address,
      ...(seed.location ? { location: seed.location } : {}),
      startAt,
      endAt: startAt + seed.hours * HOUR,
      signupDeadline: startAt - seed.deadlineDays * DAY,
      ...(seed.cutoffHours ? { cancelCutoff: startAt - seed.cutoffHours * HOUR } : {}),
      capacity: seed.capacity,
      waitlist: true,
      questions,
      status: seed.status ?? 'open',
      confirmed: seed.confirmed,
      waitlisted: seed.waitlisted ?? 0,
      ...(seed.insurance ? { insurance: seed.insurance } : {}),
      ngo: toNgoOnCall(ngos.find((ngo) => ngo._id === seed.ngoId)!),
      createdAt,
      updatedAt: createdAt,
    })

    // The seats already taken, plus one cancelled sign-up that holds none.
    const past = startAt + seed.hours * HOUR <= now
    const ongoing = startAt <= now && !past
    const personas = CALL_PERSONAS[seed._id] ?? []
    const held: DemoPerson[] = [...personas]
    while (held.length < seed.confirmed) {
      const n = ++volunteerNo
      const status = past
        ? n % 5 === 0
          ? 'no_show'
          : 'attended'
        : ongoing && n % 2 === 0
          ? 'attended'
          : 'confirmed'
      held.push({ ...extra(n), status })
    }
    const cancelled = seed.confirmed > 0 ? [{ ...extra(++volunteerNo), status: 'cancelled' as const }] : []
    held.forEach((person, i) => {
      const at = createdAt + (i + 1) * HOUR * 5
      signups.push({
        _id: signUpIdFor(seed._id, person.openid),
        callId: seed._id,
        openid: person.openid,
        name: person.name,
        phone: person.phone,
        answers: sampleAnswers(questions, i),
        status: person.status,
        createdAt: at,
        updatedAt: at,
        ...(i >= personas.length ? arrival(i, person, held[0]) : {}),
        ...(person.status === 'attended' && ongoing
          ? { checkedInAt: startAt + ((i * 7) % 25) * 60_000 }
          : {}),
        ...(person.status === 'attended' && !ongoing
          ? servedHours(person, i, startAt, startAt + seed.hours * HOUR)
          : {}),
      })
    })
    // The queue of a full call, in the order they joined.
    for (let i = 0; i < (seed.waitlisted ?? 0); i++) {
      const person = extra(++volunteerNo)
      const at = Math.min(now, startAt) - (seed.waitlisted ?? 0) * HOUR + i * HOUR
      signups.push({
        _id: signUpIdFor(seed._id, person.openid),
        callId: seed._id,
        openid: person.openid,
        name: person.name,
        phone: person.phone,
        answers: sampleAnswers(questions, i),
        status: 'waitlisted',
        waitlistedAt: new Date(at),
        createdAt: at,
        updatedAt: at,
      })
    }
    for (const person of cancelled) {
      const at = createdAt + DAY
      signups.push({
        _id: signUpIdFor(seed._id, person.openid),
        callId: seed._id,
        openid: person.openid,
        name: person.name,
        phone: person.phone,
        answers: sampleAnswers(questions, 0),
        status: 'cancelled',
        createdAt: at,
        updatedAt: at + HOUR,
        cancelledAt: at + HOUR,
      })
    }
  }
  for (const seed of SLOT_CALLS) {
    volunteerNo = addSlotCall(seed, now, ngos, calls, signups, volunteerNo)
  }
  // the platform admin persona reviews NGO registrations
  const users = [{ _id: persona('admin'), roles: ['admin'] }]
  return { ngos, calls, signups, users, notices: demoNotices(now, calls) }
}

/** What the organizer of 民勤治沙 told the volunteers (组织者通知 on the call's page, for those who signed up). */
function demoNotices(now: number, calls: Call[]): Notice[] {
  const notice = (callId: string, at: number, text: string): Notice => ({
    _id: `${callId}_${chinaDayKey(at)}_1`,
    callId,
    text,
    audience: 'confirmed',
    author: ORGANIZER,
    requestId: `demo-${callId}`,
    createdAt: at,
  })
  const sorting = calls.find((c) => c._id === 'mq-town-sorting')
  return [
    notice('mq-trees', now - 2 * DAY, '集合时间改为早上 7:30，地点不变（县城文化广场），请带好水和帽子。'),
    notice(
      'mq-town-sorting',
      (sorting?.startAt ?? now) - HOUR,
      '宣传册在广场东侧的帐篷领取，签到后请先到那里集合。',
    ),
  ]
}

/** How the volunteers found the calls (so 报名来源 has something to show): a mix, with shares by the first to sign up. */
const ARRIVALS: SignUpSource[] = ['share', 'direct', 'poster', 'moments', 'share', 'search', 'direct']

function arrival(i: number, person: DemoPerson, recruiter: DemoPerson): Partial<SignUp> {
  const source = ARRIVALS[i % ARRIVALS.length]
  if (source === 'direct') return {}
  if ((source === 'share' || source === 'poster') && recruiter.openid !== person.openid)
    return { source, referrer: recruiter.openid }
  return { source }
}

/**
 * Check-in and check-out around the call's hours (a few minutes late, some leaving early) and the hours by the
 * default rule; the organizer confirmed them the day after, except for 阿梅's and every seventh, still awaiting
 * confirmation. One was edited (came early to set up), so the console shows an edit with its reason.
 */
function servedHours(person: DemoPerson, i: number, startAt: number, endAt: number): Partial<SignUp> {
  const checkedInAt = startAt + ((i * 7) % 20) * 60_000
  const checkedOutAt = endAt - ((i * 13) % 70) * 60_000
  const counted = roundHours(minutesBetween(checkedInAt, checkedOutAt))
  const served: Partial<SignUp> = { checkedInAt, checkedOutAt, hours: counted }
  if (i === 3) {
    served.hours = counted + 1
    served.hoursEdits = [
      { from: counted, to: counted + 1, reason: '提前一小时到场布置', by: ORGANIZER, at: endAt + HOUR },
    ]
  }
  if (person.openid !== VOLUNTEER2 && i % 7 !== 6) {
    served.hoursConfirmedAt = endAt + DAY
    served.hoursConfirmedBy = ORGANIZER
  }
  return served
}

interface DemoPerson {
  openid: string
  name: string
  phone: string
  status: SignUpStatus
}

// The personas' own history: 小林 has one upcoming and one past activity (so 我的报名 is not empty) and is not
// yet signed up for the tree planting, so the demo can start there; 阿梅 already is, her shares brought some of its
// volunteers, and she is at the sorting day going on now (she can check in at once). Both came to the spring
// sand-fixing: 小林's hours are confirmed (志愿时长, a certificate), 阿梅's await confirmation.
const CALL_PERSONAS: Record<string, DemoPerson[]> = {
  'mq-trees': [{ openid: VOLUNTEER2, name: '梅丽', phone: '13912345678', status: 'confirmed' }],
  'bj-library': [{ openid: VOLUNTEER, name: '林晓', phone: '13800138000', status: 'confirmed' }],
  'mq-town-sorting': [{ openid: VOLUNTEER2, name: '梅丽', phone: '13912345678', status: 'confirmed' }],
  'mq-spring-sand': [
    { openid: VOLUNTEER, name: '林晓', phone: '13800138000', status: 'attended' },
    { openid: VOLUNTEER2, name: '梅丽', phone: '13912345678', status: 'attended' },
  ],
}

// Calls of several sessions (场次 / 批次) and roles (岗位): each slot (a session × a role) has its own places and
// queue, counted in `slots`; the call's own counters are their sums.

interface SlotCallSeed {
  _id: string
  ngoId: string
  title: string
  description: string
  tags: string[]
  city: string
  address: string
  location?: { lat: number; lng: number }
  sessions: (now: number) => CallSession[]
  roles?: CallRole[]
  /** places per session when there are no roles */
  capacity: number
  /** sign-up closes this many hours before the last session starts (each slot closes at its own start) */
  deadlineHours: number
  cutoffHours?: number
  maxSlotsPerPerson?: number
  repeat?: (now: number) => RepeatRule
  /** seats taken and people waiting, by slot key (a slot left out is empty) */
  taken: Record<string, { confirmed: number; waitlisted?: number }>
  /** the personas' own sign-ups, by slot key (counted in `taken`) */
  personas?: Record<string, DemoPerson>
  questions?: Question[]
}

const PLANTING_ROLES: CallRole[] = [
  {
    id: 'r1',
    name: '植树',
    description: '扎草方格、挖坑、栽苗、浇水，每天在沙地里干活约6小时，需要一定体力',
    capacity: 20,
  },
  {
    id: 'r2',
    name: '后勤',
    description: '在营地准备午餐和饮水、分发工具、拍照记录，适合体力一般的朋友',
    capacity: 4,
  },
]

/** Three batches a week apart (第一批…第三批), each three days on site (08:00 on the first day to 18:00 on the third). */
function plantingBatches(now: number): CallSession[] {
  return [16, 23, 30].map((day, i) => ({
    id: `s${i + 1}`,
    name: ['第一批', '第二批', '第三批'][i],
    startAt: chinaTime(now, day, 8),
    endAt: chinaTime(now, day + 2, 18),
  }))
}

/** Every Saturday 09:00–11:30, eight times, from the coming Saturday (China time). */
function saturdayVisits(now: number): RepeatRule {
  return {
    every: 'week',
    weekdays: [6],
    startMinute: 9 * 60,
    endMinute: 11 * 60 + 30,
    from: now + DAY,
    count: 8,
  }
}

const SLOT_CALLS: SlotCallSeed[] = [
  {
    _id: 'mq-spring-planting',
    ngoId: 'rescue-minqin',
    title: '民勤春季植树 · 三批次招募',
    description:
      '今年春季植树分三批进行，每批在沙漠边缘的种植点连续工作三天，批次之间相隔一周。可以报名一批，也可以报名多批。\n\n' +
      '岗位：植树志愿者负责扎草方格、挖坑、栽苗和浇水；后勤志愿者留在营地，准备午餐和饮水、分发工具、拍照记录。\n' +
      '食宿：住在西渠镇的农家院，统一安排三餐；往返民勤县城的交通由我们负责。\n\n' +
      '每人最多报名三个场次。',
    tags: ['环保', '户外'],
    city: '甘肃·民勤',
    address: '甘肃省武威市民勤县西渠镇治沙点',
    location: { lat: 38.89, lng: 103.35 },
    sessions: plantingBatches,
    roles: PLANTING_ROLES,
    capacity: 0,
    deadlineHours: 48,
    maxSlotsPerPerson: 3,
    taken: {
      's1-r1': { confirmed: 14 },
      's1-r2': { confirmed: 4, waitlisted: 2 },
      's2-r1': { confirmed: 6 },
      's2-r2': { confirmed: 1 },
      's3-r1': { confirmed: 2 },
    },
    personas: { 's1-r1': { openid: VOLUNTEER2, name: '梅丽', phone: '13912345678', status: 'confirmed' } },
    questions: TREE_QUESTIONS,
  },
  {
    _id: 'bj-saturday-visit',
    ngoId: 'bj-yinling',
    title: '每周六上午 · 陪独居老人聊聊天',
    description:
      '每周六上午在花园路街道，两人一组上门陪独居老人聊天、读报、帮忙整理房间，一共八次。可以只来一次，也可以每周都来；' +
      '能固定来几次的朋友，老人会更熟悉你。第一次参加的志愿者和老队员搭档。',
    tags: ['助老', '社区'],
    city: '北京',
    address: '北京市海淀区花园路街道社区服务中心',
    location: { lat: 39.98, lng: 116.37 },
    sessions: (now) => sessionsFromRule(saturdayVisits(now)),
    repeat: saturdayVisits,
    capacity: 6,
    deadlineHours: 24,
    taken: { s1: { confirmed: 5 }, s2: { confirmed: 3 }, s3: { confirmed: 2 }, s4: { confirmed: 1 } },
    personas: { s2: { openid: VOLUNTEER2, name: '梅丽', phone: '13912345678', status: 'confirmed' } },
  },
]

/** Adds a call of several slots and its sign-ups; returns the last invented volunteer's number. */
function addSlotCall(
  seed: SlotCallSeed,
  now: number,
  ngos: Ngo[],
  calls: Call[],
  signups: SignUp[],
  volunteerNo: number,
): number {
  const sessions = seed.sessions(now)
  const startAt = sessions[0].startAt
  const endAt = sessions[sessions.length - 1].endAt
  const lastStart = sessions[sessions.length - 1].startAt
  const createdAt = Math.min(now, startAt) - 15 * DAY
  const questions = seed.questions ?? []
  const shape = {
    startAt,
    endAt,
    capacity: seed.capacity,
    sessions,
    ...(seed.roles ? { roles: seed.roles } : {}),
  }
  const slots = emptySlots(shape)
  if (!slots) throw new Error(`${seed._id} is one slot`)
  for (const [key, taken] of Object.entries(seed.taken)) {
    const slot = slots[key]
    if (!slot) throw new Error(`${seed._id} has no slot ${key}`)
    slot.confirmed = taken.confirmed
    slot.waitlisted = taken.waitlisted ?? 0
  }
  const sum = (field: 'confirmed' | 'waitlisted') =>
    Object.values(slots).reduce((total, slot) => total + slot[field], 0)
  calls.push({
    _id: seed._id,
    ngoId: seed.ngoId,
    title: seed.title,
    description: seed.description,
    cover: '',
    tags: seed.tags,
    city: seed.city,
    address: seed.address,
    ...(seed.location ? { location: seed.location } : {}),
    startAt,
    endAt,
    signupDeadline: lastStart - seed.deadlineHours * HOUR,
    ...(seed.cutoffHours ? { cancelCutoff: startAt - seed.cutoffHours * HOUR } : {}),
    capacity: totalCapacity(slots),
    waitlist: true,
    questions,
    status: 'open',
    confirmed: sum('confirmed'),
    waitlisted: sum('waitlisted'),
    sessions,
    ...(seed.roles ? { roles: seed.roles } : {}),
    slots,
    ...(seed.maxSlotsPerPerson ? { maxSlotsPerPerson: seed.maxSlotsPerPerson } : {}),
    ...(seed.repeat ? { repeat: seed.repeat(now) } : {}),
    ngo: toNgoOnCall(ngos.find((ngo) => ngo._id === seed.ngoId)!),
    createdAt,
    updatedAt: createdAt,
  })

  let i = 0
  const row = (
    person: Omit<DemoPerson, 'status'>,
    slot: string,
    status: 'confirmed' | 'waitlisted',
    at: number,
  ) => {
    signups.push({
      _id: signUpIdFor(seed._id, person.openid, slot),
      callId: seed._id,
      openid: person.openid,
      name: person.name,
      phone: person.phone,
      answers: sampleAnswers(questions, i++),
      status,
      slot,
      ...(status === 'waitlisted' ? { waitlistedAt: new Date(at) } : {}),
      createdAt: at,
      updatedAt: at,
    })
  }
  for (const [key, taken] of Object.entries(seed.taken)) {
    const persona = seed.personas?.[key]
    const held = persona ? [persona] : []
    while (held.length < taken.confirmed) held.push({ ...extra(++volunteerNo), status: 'confirmed' })
    held.forEach((person, n) => row(person, key, 'confirmed', createdAt + (n + 1) * HOUR * 3))
    // the queue of a full slot, in the order they joined
    for (let n = 0; n < (taken.waitlisted ?? 0); n++) {
      row(
        extra(++volunteerNo),
        key,
        'waitlisted',
        Math.min(now, startAt) - (taken.waitlisted ?? 0) * HOUR + n * HOUR,
      )
    }
  }
  return volunteerNo
}
