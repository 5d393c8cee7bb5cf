import { ROUND, SAVE, SUBMIT, userId, waitFor } from './compliance-helpers.js';
import type { TestApp } from './harness.js';

/** A small deterministic PRNG, so a failure can be replayed. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

type Rnd = () => number;
type RubricItem = { code: string; kind: string; maxPoints?: number; step?: number; children?: RubricItem[] };
type Template = { sections: { items: RubricItem[] }[] };
type Answer = { points?: number; hit?: boolean; note?: string };

const REVIEW = {
  create: `mutation($i: CreateReviewCampaignInput!) { createReviewCampaign(input: $i) { id } }`,
  draw: `mutation($c: ID!, $s: String) { drawSample(campaignId: $c, seed: $s) { stage } }`,
  assign: `mutation($c: ID!) { assignReviewers(campaignId: $c) { stage } }`,
  files: `query($c: ID!) { reviewFiles(campaignId: $c, pageSize: 200) { items { id caseFileId departmentId caseType rubricId status finalScore finalGrade } } }`,
  mine: `query($c: ID!) { myScoreSheets(campaignId: $c, pageSize: 200) { items { id reviewFileId kind status version } } }`,
  submit: `mutation($i: ScoreSheetInput!) { submitScoreSheet(input: $i) { score grade vetoHits } }`,
  recheck: `mutation($f: ID!, $r: ID!) { assignRecheck(reviewFileId: $f, reviewerId: $r) { id version } }`,
  finalize: `mutation($c: ID!) { finalizeCampaign(campaignId: $c) { stage } }`,
  rubrics: `{ rubrics(pageSize: 200) { items { id template } } }`,
};

/**
 * A reviewer's answers: each sheet has its own strictness, so some documents lose points and some
 * deductions are taken; `veto` also hits the rubric's first veto item.
 */
export function sheetAnswers(template: Template, rnd: Rnd, veto = false): Record<string, Answer> {
  const strictness = rnd() * 0.6;
  const answers: Record<string, Answer> = {};
  const steps = (item: RubricItem) => Math.round((item.maxPoints ?? 0) / (item.step ?? item.maxPoints ?? 1));
  const leaves = (items: RubricItem[]): RubricItem[] => items.flatMap((i) => (i.children?.length ? leaves(i.children) : [i]));
  for (const item of template.sections.flatMap((s) => leaves(s.items))) {
    if (item.kind === 'VETO' && veto && !Object.values(answers).some((a) => a.hit)) answers[item.code] = { hit: true, note: '否决项' };
    else if (item.kind === 'EARN') {
      const lost = rnd() < strictness ? 1 + Math.floor(rnd() * steps(item)) : 0;
      answers[item.code] = lost
        ? { points: Math.max(0, item.maxPoints! - lost * (item.step ?? item.maxPoints!)), note: '文书要素不全' }
        : { points: item.maxPoints! };
    } else if (item.kind === 'DEDUCT' && rnd() < strictness / 2)
      answers[item.code] = { points: Math.min(item.maxPoints!, (1 + Math.floor(rnd() * steps(item))) * (item.step ?? 1)), note: '不规范' };
  }
  return answers;
}

export interface CampaignPlan {
  name: string;
  year: number;
  departmentIds: string[];
  filesPerDepartment: number;
  seed: string;
  /** Usernames of the review team. */
  reviewers: string[];
  recheckRule: { belowFailLine: boolean; differentGrades: boolean; maxSpread: number | null };
  /** Whether the sheet of the `reviewer`-th initial reviewer of a file hits a veto item. */
  veto(file: ReviewedFile, reviewer: number): boolean;
}

export interface ReviewedFile {
  id: string;
  caseFileId: string;
  departmentId: string;
  caseType: string;
  rubricId: string;
  status: string;
  finalScore: number | null;
  finalGrade: string | null;
}

/**
 * A case-file review campaign walked through GraphQL as the inspectors would, one step per
 * `next()`: plan, draw, assign, score every sheet, re-check the disputed files, finalize.
 */
export class CampaignWalk {
  campaignId = '';
  files: ReviewedFile[] = [];
  vetoHits = 0;
  /** The files that went to re-check, with the score of the re-check. */
  readonly rechecked = new Map<string, number>();

  constructor(
    private readonly t: TestApp,
    readonly plan: CampaignPlan,
    private readonly rnd: Rnd,
    /** Runs once every initial sheet is in, before the re-checks are assigned. */
    private readonly beforeRecheck: (disputed: ReviewedFile[], final: ReviewedFile[]) => Promise<void> = async () => {},
  ) {}

  private ok(query: string, vars: Record<string, unknown>, who: string) {
    return this.t.token(who).then((token) => this.t.gql.ok(query, vars, token));
  }

  private async readFiles(): Promise<ReviewedFile[]> {
    return (await this.ok(REVIEW.files, { c: this.campaignId }, 'inspector')).reviewFiles.items;
  }

  async *steps(): AsyncGenerator<string> {
    const { plan } = this;
    const ids = new Map<string, string>();
    for (const who of plan.reviewers) ids.set(who, await userId(this.t, who));
    const input = {
      name: plan.name,
      year: plan.year,
      periodFrom: `${plan.year}-01-01`,
      periodTo: `${plan.year}-12-31`,
      caseTypes: ['PENALTY', 'LICENSING'],
      departmentIds: plan.departmentIds,
      filesPerDepartment: plan.filesPerDepartment,
      reviewersPerFile: 2,
      reviewerIds: plan.reviewers.map((who) => ids.get(who)),
      rubrics: [
        { caseType: 'PENALTY', code: 'MEE-PENALTY-GENERAL', version: '2024' },
        { caseType: 'LICENSING', code: 'EXAMPLE-LICENSING', version: '1' },
      ],
      recheckRule: plan.recheckRule,
    };
    this.campaignId = (await this.ok(REVIEW.create, { i: input }, 'inspector')).createReviewCampaign.id;
    yield 'created';
    await this.ok(REVIEW.draw, { c: this.campaignId, s: plan.seed }, 'inspector');
    yield 'drawn';
    await this.ok(REVIEW.assign, { c: this.campaignId }, 'inspector');
    yield 'assigned';

    const templates = new Map<string, Template>(
      (await this.ok(REVIEW.rubrics, {}, 'admin')).rubrics.items.map((r: { id: string; template: Template }) => [r.id, r.template]),
    );
    const files = await this.readFiles();
    const order = new Map(files.map((f, i) => [f.id, i]));
    const sheets: { id: string; reviewFileId: string; version: number; who: string }[] = [];
    for (const who of plan.reviewers)
      for (const s of (await this.ok(REVIEW.mine, { c: this.campaignId }, who)).myScoreSheets.items) sheets.push({ ...s, who });
    sheets.sort((a, b) => order.get(a.reviewFileId)! - order.get(b.reviewFileId)! || a.who.localeCompare(b.who));
    for (const sheet of sheets) {
      const file = files[order.get(sheet.reviewFileId)!];
      const nth = sheets.filter((s) => s.reviewFileId === file.id).indexOf(sheet);
      const answers = sheetAnswers(templates.get(file.rubricId)!, this.rnd, plan.veto(file, nth));
      const result = (await this.ok(REVIEW.submit, { i: { sheetId: sheet.id, version: sheet.version, answers } }, sheet.who))
        .submitScoreSheet;
      if (result.vetoHits.length) this.vetoHits++;
      yield `scored ${file.caseFileId} by ${sheet.who}: ${result.score} ${result.grade}`;
    }

    const scored = await this.readFiles();
    const disputed = scored.filter((f) => f.status === 'RECHECK');
    await this.beforeRecheck(
      disputed,
      scored.filter((f) => f.status === 'FINAL'),
    );
    for (const file of disputed) {
      const initial = sheets.filter((s) => s.reviewFileId === file.id).map((s) => s.who);
      const who = plan.reviewers.find((r) => !initial.includes(r))!;
      const sheet = (await this.ok(REVIEW.recheck, { f: file.id, r: ids.get(who) }, 'inspector')).assignRecheck;
      yield `re-check of ${file.caseFileId} assigned to ${who}`;
      const answers = sheetAnswers(templates.get(file.rubricId)!, this.rnd);
      const result = (await this.ok(REVIEW.submit, { i: { sheetId: sheet.id, version: sheet.version, answers } }, who)).submitScoreSheet;
      this.rechecked.set(file.caseFileId, result.score);
      yield `re-checked ${file.caseFileId}: ${result.score} ${result.grade}`;
    }
    await this.ok(REVIEW.finalize, { c: this.campaignId }, 'inspector');
    this.files = await this.readFiles();
    yield 'finalized';
  }
}

/** Adds an inspector of the district office (password Ducha@2026), for a third reviewer. */
export async function addInspector(t: TestApp, username: string, displayName: string): Promise<void> {
  const admin = await t.token('admin');
  const [office] = (await t.gql.ok(`{ units(pageSize: 200) { items { id code } } }`, {}, admin)).units.items.filter(
    (u: { code: string }) => u.code === 'QH-SFJ',
  );
  await t.gql.ok(
    `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
    { i: { username, displayName, unitId: office.id, roles: ['INSPECTOR'], password: 'Ducha@2026' } },
    admin,
  );
}

export interface CheckedDepartment {
  departmentId: string;
  score: number;
  grade: string;
}

type CheckItem = { itemCode: string; mayNotApply: boolean; screenResult: string | null; result: string | null };

/**
 * A three-systems round walked through GraphQL: plan, screen (the job), answer and submit each
 * check (the first overrides a screen's result, with a reason), finalize, publish.
 */
export class RoundWalk {
  roundId = '';
  checks: CheckedDepartment[] = [];
  overridden = '';

  constructor(
    private readonly t: TestApp,
    private readonly year: number,
    private readonly departmentIds: string[],
    private readonly rnd: Rnd,
  ) {}

  private async round() {
    return (await this.t.gql.ok(ROUND, { id: this.roundId }, await this.t.token('inspector'))).complianceRound;
  }

  async *steps(): AsyncGenerator<string> {
    const inspector = await this.t.token('inspector');
    const users = new Map<string, string>();
    for (const who of ['inspector', 'inspector2']) users.set(await userId(this.t, who), who);
    const { items } = (await this.t.gql.ok(`{ complianceChecklists { items { id code } } }`, {}, inspector)).complianceChecklists;
    const input = {
      name: `${this.year}年度三项制度专项检查（驾驶舱）`,
      checklistId: items.find((c: { code: string }) => c.code === 'THREE-SYSTEMS').id,
      periodFrom: `${this.year}-01-01`,
      periodTo: `${this.year}-12-31`,
      departmentIds: this.departmentIds,
      inspectorIds: [...users.keys()],
    };
    const CREATE = `mutation($input: CreateComplianceRoundInput!) { createComplianceRound(input: $input) { id } }`;
    this.roundId = (await this.t.gql.ok(CREATE, { input }, inspector)).createComplianceRound.id;
    yield 'round planned';
    await this.t.gql.ok(`mutation($id: ID!) { runComplianceScreening(roundId: $id) { screening } }`, { id: this.roundId }, inspector);
    yield 'screening queued';
    const screened = await waitFor(
      () => this.round(),
      (r) => r.screening === 'DONE' || r.screening === 'FAILED',
    );
    if (screened.stage !== 'SCREENED') throw new Error(`The screening ended ${screened.screening}: ${screened.screeningError}`);
    yield 'screened';

    const checks = [...screened.checks].sort(
      (a: { departmentId: string }, b: { departmentId: string }) =>
        this.departmentIds.indexOf(a.departmentId) - this.departmentIds.indexOf(b.departmentId),
    );
    for (const check of checks) {
      const token = await this.t.token(users.get(check.inspectorId)!);
      const answers: { itemCode: string; result: string; overrideReason?: string }[] = (check.items as CheckItem[])
        .filter((i) => i.result === null)
        .map((i) => ({ itemCode: i.itemCode, result: this.manualResult(i) }));
      if (!this.overridden) {
        const screenedItem = (check.items as CheckItem[]).find((i) => i.screenResult !== null)!;
        this.overridden = screenedItem.itemCode;
        answers.push({
          itemCode: screenedItem.itemCode,
          result: screenedItem.screenResult === 'PASS' ? 'PARTIAL' : 'PASS',
          overrideReason: '现场核查发现筛查未覆盖的情形，已附书面说明',
        });
      }
      const saved = (await this.t.gql.ok(SAVE, { input: { checkId: check.id, version: check.version, items: answers } }, token))
        .saveComplianceCheck;
      yield `check of ${check.departmentId} saved`;
      const submitted = (await this.t.gql.ok(SUBMIT, { id: check.id, v: saved.version }, token)).submitComplianceCheck;
      this.checks.push({ departmentId: check.departmentId, score: submitted.score, grade: submitted.grade });
      yield `check of ${check.departmentId} submitted: ${submitted.score}`;
    }
    const FINALIZE = `mutation($id: ID!, $v: Int!) { finalizeComplianceRound(roundId: $id, version: $v) { version } }`;
    const finalized = (await this.t.gql.ok(FINALIZE, { id: this.roundId, v: (await this.round()).version }, inspector))
      .finalizeComplianceRound;
    yield 'round finalized';
    const PUBLISH = `mutation($id: ID!, $v: Int!) { publishComplianceRound(roundId: $id, version: $v) { stage } }`;
    await this.t.gql.ok(PUBLISH, { id: this.roundId, v: finalized.version }, inspector);
    yield 'round published';
  }

  /** An inspector's own finding on an item no screen answers. */
  private manualResult(item: CheckItem): string {
    const roll = this.rnd();
    if (item.mayNotApply && roll < 0.15) return 'NOT_APPLICABLE';
    return roll < 0.65 ? 'PASS' : roll < 0.9 ? 'PARTIAL' : 'FAIL';
  }
}

/**
 * Runs the walks' steps and `taskSteps` calls of `taskStep` in an order the PRNG picks, as a busy
 * office would interleave them.
 */
export async function interleave(rnd: Rnd, walks: AsyncGenerator<string>[], taskStep: () => Promise<void>, taskSteps: number) {
  const pending = [...walks];
  let tasksLeft = taskSteps;
  while (pending.length || tasksLeft) {
    const k = Math.floor(rnd() * (pending.length + (tasksLeft ? 1 : 0)));
    if (k === pending.length) {
      tasksLeft--;
      await taskStep();
    } else if ((await pending[k].next()).done) pending.splice(k, 1);
  }
}
