// Requests of the NGO side for the integration tests: a registration and a complete call form.
import { DAY, HOUR } from './docs'

export const REGISTRATION = {
  name: '青山环保社',
  province: '浙江',
  city: '杭州',
  causes: ['环境保护', '社区服务'],
  intro: '在杭州组织社区垃圾分类和西溪湿地清洁。',
  contactName: '王青',
  contactPhone: '139 0571 0000',
}

export function callForm(overrides: object = {}) {
  const startAt = Date.now() + 10 * DAY
  return {
    title: '西溪湿地清洁日',
    description: '沿湿地步道捡拾垃圾，手套和夹子由我们提供。',
    tags: ['环保', '周末'],
    city: '浙江·杭州',
    address: '西溪湿地东门',
    startAt,
    endAt: startAt + 4 * HOUR,
    signupDeadline: startAt - DAY,
    capacity: 2,
    waitlist: true,
    questions: [
      { id: 'q1', kind: 'single', title: '是否自带水杯？', required: true, options: ['是', '否'] },
      { id: 'q2', kind: 'text', title: '紧急联系人电话', required: false },
    ],
    ...overrides,
  }
}
