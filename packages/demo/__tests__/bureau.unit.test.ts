import { createHash } from 'crypto';
import { bureau } from '../src';

const now = Date.UTC(2026, 10, 29, 4);
const demo = bureau({ seed: 20231201, now });

describe('the demo bureau', () => {
  it('is the same for the same seed and moment, and different for another seed', () => {
    const digest = (b: object) => createHash('sha256').update(JSON.stringify(b)).digest('hex');
    expect(digest(bureau({ seed: 20231201, now }))).toBe(digest(demo));
    expect(digest(bureau({ seed: 7, now }))).not.toBe(digest(demo));
  });

  it('has the size the campaign has in a city: counties, units of every type, leaders, cadres', () => {
    expect(demo.mq_units.length).toBeGreaterThanOrEqual(180);
    expect(demo.mq_units.length).toBeLessThanOrEqual(240);
    expect(new Set(demo.mq_units.map((u) => u.region)).size).toBe(9);
    expect(new Set(demo.mq_units.map((u) => u.type))).toEqual(
      new Set([
        'primary_secondary',
        'kindergarten',
        'vocational',
        'university',
        'office',
        'service_window',
        'community',
        'other',
      ]),
    );
    expect(new Set(demo.mq_units.map((u) => u.name)).size).toBe(demo.mq_units.length);
    expect(demo.people.filter((p) => p.role === 'mq_leader')).toHaveLength(40);
    expect(demo.people.filter((p) => p.role === 'mq_cadre')).toHaveLength(300);
    expect(new Set(demo.people.map((p) => p.username)).size).toBe(340);
    expect(demo.mq_visits).toHaveLength(2000);
    expect(demo.mq_problems).toHaveLength(1500);
  });

  it('gives every leader one or two liaison points and visits only to one’s own points', () => {
    const pointsOf = new Map<number, Set<number>>();
    for (const p of demo.mq_liaison_points) {
      pointsOf.set(p.cadreId as number, new Set([...(pointsOf.get(p.cadreId as number) ?? []), p.unitId as number]));
    }
    for (const leader of demo.people.filter((p) => p.role === 'mq_leader')) {
      expect([1, 2]).toContain(pointsOf.get(leader.id)?.size);
    }
    expect(demo.mq_visits.every((v) => pointsOf.get(v.cadreId as number)?.has(v.unitId as number))).toBe(true);
  });

  it('spreads problems over every status, category and source, all in the campaign so far', () => {
    const { mq_problems: problems } = demo;
    expect(new Set(problems.map((p) => p.status)).size).toBe(6);
    expect(new Set(problems.map((p) => p.category)).size).toBe(12);
    expect(problems.filter((p) => p.source === 'visit').length).toBeGreaterThan(problems.length / 2);
    const found = new Map(demo.mq_visits_problems.map((l) => [l.problemId, l.visitId]));
    const visits = new Map(demo.mq_visits.map((v) => [v.id, v]));
    for (const p of problems.filter((p) => p.source === 'visit')) {
      const visit = visits.get(found.get(p.id));
      expect(visit?.unitId).toBe(p.unitId);
      expect((p.createdAt as Date).getTime()).toBeGreaterThanOrEqual((visit?.visitedAt as Date).getTime());
    }
    const since = now - 4 * 30 * 24 * 3600 * 1000;
    const times = [...problems, ...demo.mq_revisits, ...demo.mq_supervisions, ...demo.mq_visits].flatMap((row) =>
      Object.values(row)
        .filter((v): v is Date => v instanceof Date)
        .map((d) => d.getTime()),
    );
    expect(times.every((t) => t <= now && t >= since)).toBe(true);
  });

  it('leaves supervision on overdue open problems and revisits in both states, by leaders', () => {
    const leaders = new Set(demo.people.filter((p) => p.role === 'mq_leader').map((p) => p.id));
    const status = new Map(demo.mq_problems.map((p) => [p.id, p.status]));
    expect(demo.mq_supervisions.length).toBeGreaterThan(50);
    expect(
      demo.mq_supervisions.every((s) =>
        ['assigned', 'in_progress', 'reopened'].includes(status.get(s.problemId) as string),
      ),
    ).toBe(true);
    expect(new Set(demo.mq_revisits.map((v) => v.state))).toEqual(new Set(['done', 'pending']));
    expect(demo.mq_revisits.every((v) => leaders.has(v.revisiterId as number))).toBe(true);
    expect(demo.mq_evaluations.length).toBeGreaterThan(100);
  });

  it('has 接诉即办 mail: a dozen reports beside their complaints, four waiting for triage, the rest answered or not', () => {
    const problem = new Map(demo.mq_problems.map((p) => [p.id, p]));
    const reports = demo.mq_public_reports;
    expect(reports).toHaveLength(12);
    expect(new Set(reports.map((r) => r.trackingCode)).size).toBe(12);
    for (const r of reports) {
      const p = problem.get(r.problemId)!;
      expect([p.source, (r.createdAt as Date).getTime()]).toEqual(['complaint', (p.createdAt as Date).getTime()]);
      expect(r.trackingCode).toMatch(/^JS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(r.contactPhone).toMatch(/^1[3-9]\d{9}$/);
      expect(r.description).toContain(String(p.description).replace(/^(家长|学生)反映/, ''));
      // the problem every handler sees holds none of the person's details
      expect(JSON.stringify(p)).not.toContain(r.contactName as string);
    }
    const statuses = reports.map((r) => problem.get(r.problemId)!.status);
    expect(statuses.filter((s) => s === 'new')).toHaveLength(4);
    expect(new Set(statuses)).toEqual(new Set(['new', 'assigned', 'in_progress', 'done', 'closed']));
    expect(reports.filter((r) => problem.get(r.problemId)!.status === 'new').every((r) => r.reply === null)).toBe(true);
    expect(reports.filter((r) => r.channel === 'open311')).toHaveLength(1);
  });

  it('has 民生实事: six projects with milestones, claimed by one or two leaders each but one, counts as kept', () => {
    const leaders = new Set(demo.people.filter((p) => p.role === 'mq_leader').map((p) => p.id));
    const projects = demo.mq_livelihood_projects;
    expect(projects).toHaveLength(6);
    expect(new Set(projects.map((p) => p.status))).toEqual(new Set(['planned', 'in_progress', 'done']));
    for (const project of projects) {
      const claims = demo.mq_project_claims.filter((c) => c.projectId === project.id);
      expect(claims.length).toBe(project.claimedCount);
      expect(claims.length).toBeLessThanOrEqual(project.leaderSlots as number);
      const milestones = demo.mq_project_milestones.filter((m) => m.projectId === project.id);
      expect(milestones.length).toBeGreaterThanOrEqual(3);
      const done = milestones.filter((m) => m.doneAt).length;
      if (project.status === 'done') expect(done).toBe(milestones.length);
      if (project.status === 'planned') expect(done).toBe(0);
      for (const m of milestones) if (m.doneAt) expect((m.doneAt as Date).getTime()).toBeLessThanOrEqual(now);
    }
    expect(projects.filter((p) => p.claimedCount === 0)).toHaveLength(1);
    const claimers = demo.mq_project_claims.map((c) => c.leaderId as number);
    expect(claimers.every((id) => leaders.has(id))).toBe(true);
    expect(new Set(claimers).size).toBe(claimers.length); // within the one-or-two per leader
    expect(demo.mq_project_claims.every((c) => (c.claimedAt as Date).getTime() <= now)).toBe(true);
  });
});
