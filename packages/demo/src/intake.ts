import type { Row } from './dataset';
import type { Random } from './random';

const DAY = 24 * 3600 * 1000;

/** Crockford's base32, as the publicity plugin's tracking codes (JS-XXXX-XXXX-XXXX) */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const trackingCode = (r: Random) => {
  const chars = Array.from({ length: 12 }, () => ALPHABET[r.int(0, 31)]).join('');
  return `JS-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
};

const SURNAMES = '王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗';
const WHO = ['女士', '先生'];
/** how a parent, a student or a teacher opens a message to the bureau */
const OPENINGS = [
  (unit: string) => `我是${unit}的学生家长，`,
  (unit: string) => `我家孩子在${unit}上学，`,
  (unit: string) => `我是${unit}的一名学生，`,
  (unit: string) => `作为${unit}的老师，`,
  () => '',
];
const CLOSINGS = ['希望教育局帮忙协调解决，谢谢！', '反映多次没有结果，恳请尽快处理。', '盼复。', '希望能尽快给个答复。'];
/** 答复群众, by where the problem stands: what the tracking page shows the person */
const REPLIES: Record<string, string> = {
  assigned: '您反映的问题已转交责任单位办理，请留意办理进展。',
  in_progress: '您反映的问题正在整改中，责任单位已制定整改措施。',
  done: '您反映的问题已整改完毕，欢迎您对办理结果进行评价。',
  closed: '您反映的问题已办结，感谢您对教育工作的关心和监督。',
};
/** 接诉即办 in the demo: so many reports of each status; `new` ones wait for the office's triage */
const MIX: [string, number][] = [
  ['new', 4],
  ['assigned', 2],
  ['in_progress', 2],
  ['done', 2],
  ['closed', 2],
];

/**
 * 接诉即办 has mail in the demo: a dozen reports from the public page (one from the 12345 hotline
 * through Open311), each beside the complaint it became, as the publicity plugin keeps them. Four
 * still wait for triage (the newest complaints not yet assigned); the others were assigned, are
 * in progress, done or closed, and were answered. Fictional names and numbers. Drawn with a
 * generator of their own, so the rest of the bureau stays as it was.
 */
export function publicReports(r: Random, problems: Row[], units: Row[], now: number): Row[] {
  const complaints = problems.filter((p) => p.source === 'complaint');
  const time = (v: unknown) => (v as Date).getTime();
  const chosen: Row[] = [];
  for (const [status, count] of MIX) {
    const pool = complaints.filter((p) => p.status === status).sort((a, b) => time(b.createdAt) - time(a.createdAt));
    // the newest waiting ones (a report does not wait for months); a spread of the others
    const picked = status === 'new' ? pool.slice(0, count) : Array.from({ length: count }, () => pool.splice(r.int(0, pool.length - 1), 1)[0]);
    chosen.push(...picked.filter(Boolean));
  }
  chosen.sort((a, b) => time(a.createdAt) - time(b.createdAt));
  return chosen.map((problem, i) => {
    const createdAt = problem.createdAt as Date;
    const hotline = i === 5;
    const name = `${r.pick([...SURNAMES])}${r.pick(WHO)}`;
    const phone = `1${r.pick(['35', '37', '39', '58', '86', '89'])}${String(r.int(0, 99999999)).padStart(8, '0')}`;
    const unit = units.find((u) => u.id === problem.unitId);
    // a parent, student or teacher names the school and says it in the first person ("家长反映…"
    // is how the problem list words it); of an office or a window, the text alone
    const opening =
      !unit || ['office', 'service_window'].includes(unit.type as string) ? '' : r.pick(OPENINGS)(unit.name as string);
    const said = opening ? String(problem.description).replace(/^(家长|学生)反映/, '') : problem.description;
    const status = problem.status as string;
    const answered = status !== 'new' && r.next() < 0.85;
    const repliedAt = new Date(Math.min(now, createdAt.getTime() + r.int(1, 3) * DAY));
    return {
      id: i + 1,
      problemId: problem.id,
      trackingCode: trackingCode(r),
      contactName: name,
      contactPhone: phone,
      contactEmail: r.next() < 0.25 ? `parent${r.int(100, 999)}@example.com` : null,
      description: `${opening}${said}${r.pick(CLOSINGS)}`,
      reply: answered ? REPLIES[status] : null,
      channel: hotline ? 'open311' : 'web',
      clientName: hotline ? '荆州市12345政务服务便民热线' : null,
      locale: 'zh-CN',
      createdAt,
      updatedAt: answered ? repliedAt : createdAt,
    };
  });
}
