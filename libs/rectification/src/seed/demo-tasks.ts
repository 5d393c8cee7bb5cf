import { createOfficialCalendar } from '@ducha/calendar';
import { FindingSeverity, FindingSource } from '@ducha/contracts';
import type { EntityManager } from 'typeorm';
import { TaskState } from '../rectification.enums.js';
import { addCalendarDays } from '../services/task-clock.js';

export interface DemoRectificationOptions {
  officeUnitId: string;
  inspectorId: string;
  verifierId: string;
  /** Department id → an officer user id of it (null where the demo has no officer user). */
  departments: { id: string; officerId: string | null }[];
  today: string;
  random: () => number;
  /** How many tasks (default 36). */
  tasks?: number;
}

/** The path of states a task went through to reach each state, and the event of each step. */
const PATH: [TaskState, string][] = [
  [TaskState.ACKNOWLEDGED, 'rectification.acknowledged'],
  [TaskState.IN_PROGRESS, 'rectification.started'],
  [TaskState.SUBMITTED, 'rectification.submitted'],
  [TaskState.VERIFIED, 'rectification.verified'],
  [TaskState.CLOSED, 'rectification.closed'],
];

/** [state, overdue, closed late]: a realistic mix for the cockpit and the ledger. */
const MIX: [TaskState, boolean, boolean][] = [
  ...Array.from({ length: 10 }, (): [TaskState, boolean, boolean] => [TaskState.CLOSED, false, false]),
  [TaskState.CLOSED, false, true],
  [TaskState.CLOSED, false, true],
  [TaskState.CLOSED, false, true],
  [TaskState.VERIFIED, false, false],
  [TaskState.SUBMITTED, false, false],
  [TaskState.SUBMITTED, false, false],
  [TaskState.IN_PROGRESS, false, false],
  [TaskState.IN_PROGRESS, false, false],
  [TaskState.IN_PROGRESS, true, false],
  [TaskState.IN_PROGRESS, true, false],
  [TaskState.ACKNOWLEDGED, false, false],
  [TaskState.ACKNOWLEDGED, true, false],
  [TaskState.ISSUED, false, false],
  [TaskState.ISSUED, false, false],
  [TaskState.ISSUED, true, false],
  [TaskState.RETURNED, false, false],
  [TaskState.RETURNED, true, false],
  [TaskState.CANCELLED, false, false],
];

const MANUAL_FINDINGS: [FindingSource, string, string][] = [
  [FindingSource.INSPECTION, 'DISCLOSURE', '行政处罚决定未在7个工作日内公示'],
  [FindingSource.HOTLINE, 'CONDUCT', '12345热线反映：执法人员检查时未出示执法证件'],
  [FindingSource.LEADER_INSTRUCTION, 'RECORDING', '领导批示：现场查封扣押未全程音像记录'],
  [FindingSource.INSPECTION, 'LEGAL_REVIEW', '重大执法决定未经法制审核即作出'],
  [FindingSource.ASSESSMENT, 'SYSTEM', '未公布本单位音像记录事项清单'],
];
const ROOT_CAUSES = ['SYSTEM_GAP', 'CAPABILITY', 'EXECUTION', 'SUPERVISION'];

/**
 * Demo tasks written straight into the seed's transaction: open, overdue and closed ones, with
 * their findings (review findings when the review seed left some, hand-entered ones otherwise),
 * deadline history and the outbox events the cockpit counts. The escalation sweep at first start
 * then records the overdue tasks' ladder steps the normal way.
 */
export async function seedRectificationDemo(m: EntityManager, o: DemoRectificationOptions): Promise<number> {
  const calendar = createOfficialCalendar();
  const addWd = (date: string, n: number): string => {
    try {
      return n >= 0 ? calendar.addWorkingDays(date, n) : calendar.subtractWorkingDays(date, -n);
    } catch {
      return addCalendarDays(date, Math.round((n * 7) / 5));
    }
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(o.random() * xs.length)];
  const count = Math.min(o.tasks ?? MIX.length, MIX.length * 4);
  const reviewFindings: { id: string; department_id: string; source: string }[] = await m.query(
    `SELECT id, department_id, source FROM finding WHERE task_id IS NULL ORDER BY created_at, id LIMIT $1`,
    [Math.floor(count * 0.6)],
  );
  const units: { id: string; name: string; path: string }[] = await m.query(
    `SELECT u.id, u.name, r.path FROM unit u JOIN region r ON r.id = u.region_id WHERE u.id = ANY($1)`,
    [[...o.departments.map((d) => d.id), ...reviewFindings.map((f) => f.department_id)]],
  );
  const unit = new Map(units.map((u) => [u.id, u]));
  const officerOf = new Map(o.departments.map((d) => [d.id, d.officerId]));
  const counters = new Map<number, number>();
  const events: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const [state, overdue, late] = MIX[i % MIX.length];
    const review = reviewFindings[i];
    const departmentId = review?.department_id ?? o.departments[i % o.departments.length].id;
    const source = (review?.source ?? pick(MANUAL_FINDINGS)[0]) as FindingSource;
    const open = state !== TaskState.CLOSED && state !== TaskState.CANCELLED;
    const issuedAgo = open
      ? overdue
        ? 45 + Math.floor(o.random() * 60)
        : 1 + Math.floor(o.random() * 20)
      : 40 + Math.floor(o.random() * 150);
    const issuedOn = addCalendarDays(o.today, -issuedAgo);
    const deadline = addWd(issuedOn, source === FindingSource.LEADER_INSTRUCTION ? 5 : 20);
    const closedOn =
      state === TaskState.CLOSED
        ? late
          ? addCalendarDays(deadline, 3 + Math.floor(o.random() * 20))
          : addWd(deadline, -Math.floor(o.random() * 8))
        : null;
    const year = Number(issuedOn.slice(0, 4));
    counters.set(year, (counters.get(year) ?? 0) + 1);
    const taskNo = `清整〔${year}〕${String(counters.get(year)).padStart(3, '0')}号`;
    const officer = officerOf.get(departmentId) ?? null;
    const reached = state === TaskState.RETURNED ? 3 : PATH.findIndex(([s]) => s === state) + 1;
    const [{ id: taskId }] = await m.query(
      `INSERT INTO rectification_task (task_no, source, department_id, region_path, issuing_unit_id, issued_by, issued_on, responsible_person, requirements, state, deadline,
         submitted_by, submitted_at, verified_by, verified_at, closed_on, closed_on_time, cancel_reason, version, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20) RETURNING id`,
      [
        taskNo,
        source,
        departmentId,
        unit.get(departmentId)!.path,
        o.officeUnitId,
        o.inspectorId,
        issuedOn,
        '分管副局长',
        '对照问题清单逐项整改，完善制度，举一反三开展自查',
        state,
        deadline,
        reached >= 3 ? officer : null,
        reached >= 3 ? `${closedOn ?? o.today}T02:00:00Z` : null,
        reached >= 4 ? o.verifierId : null,
        reached >= 4 ? `${closedOn ?? o.today}T03:00:00Z` : null,
        closedOn,
        closedOn ? closedOn <= deadline : null,
        state === TaskState.CANCELLED ? '问题已由上级督察组统一处理' : null,
        1 + Math.max(reached, 0),
        `${issuedOn}T01:00:00Z`,
      ],
    );
    await m.query(`INSERT INTO rectification_task_department (task_id, department_id, role, status) VALUES ($1, $2, 'LEAD', $3)`, [
      taskId,
      departmentId,
      reached >= 3 && state !== TaskState.RETURNED ? 'SUBMITTED' : reached >= 1 ? 'ACKNOWLEDGED' : 'ISSUED',
    ]);
    await m.query(`INSERT INTO rectification_deadline (task_id, deadline, kind, set_by, set_at) VALUES ($1, $2, 'ISSUED', $3, $4)`, [
      taskId,
      deadline,
      o.inspectorId,
      `${issuedOn}T01:00:00Z`,
    ]);
    if (review)
      await m.query(`UPDATE finding SET task_id = $1, root_cause = coalesce(root_cause, $3) WHERE id = $2`, [
        taskId,
        review.id,
        pick(ROOT_CAUSES),
      ]);
    else {
      const [, category, description] = pick(
        MANUAL_FINDINGS.filter(([s]) => s === source).concat(
          MANUAL_FINDINGS.filter(([s]) => s === source).length ? [] : [MANUAL_FINDINGS[0]],
        ),
      );
      await m.query(
        `INSERT INTO finding (source, department_id, origin_type, origin_id, category, severity, description, root_cause, dedup_key, task_id, created_by, created_at)
         VALUES ($1,$2,'Manual',$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
        [
          source,
          departmentId,
          `demo-${i}`,
          category,
          i % 4 === 0 ? FindingSeverity.MAJOR : FindingSeverity.GENERAL,
          description,
          pick(ROOT_CAUSES),
          `demo:rectification:${i}`,
          taskId,
          o.inspectorId,
          `${issuedOn}T00:30:00Z`,
        ],
      );
    }
    const base = { taskId, taskNo, departmentId, departmentName: unit.get(departmentId)!.name, deadline, source, actorName: '系统' };
    const scope = [unit.get(departmentId)!.path, departmentId];
    events.push([...scope, 'rectification.issued', { ...base, from: null, to: TaskState.ISSUED, findings: 1 }]);
    let from: TaskState = TaskState.ISSUED;
    for (const [to, type] of PATH.slice(0, Math.max(reached, 0))) {
      events.push([...scope, type, { ...base, from, to, ...(to === TaskState.CLOSED ? { onTime: closedOn! <= deadline } : {}) }]);
      from = to;
    }
    if (state === TaskState.RETURNED)
      events.push([...scope, 'rectification.returned', { ...base, from, to: TaskState.RETURNED, reason: '佐证材料不足，请补充' }]);
    if (state === TaskState.CANCELLED)
      events.push([...scope, 'rectification.cancelled', { ...base, from, to: TaskState.CANCELLED, reason: '问题已由上级督察组统一处理' }]);
  }
  for (const [year, last] of counters) {
    await m.query(
      `INSERT INTO rectification_counter (year, last) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET last = GREATEST(rectification_counter.last, $2)`,
      [year, last],
    );
  }
  await m.query(
    `INSERT INTO outbox_event (type, region_path, department_id, payload, created_at)
     SELECT e->>2, e->>0, (e->>1)::uuid, e->3, clock_timestamp() FROM jsonb_array_elements($1::jsonb) AS e`,
    [JSON.stringify(events)],
  );
  return count;
}
