// Throughput of the scoring engine: scores 50,000 random legal MEE score sheets on one core and
// compares with a trivial loop over the same answers (the floor any implementation pays to read
// them). Run from the repository root: `npx tsx bench/evaluate.ts [sheets] [seed]`.
// The target is judged on CPU time (JavaScript runs on one core), so a busy machine slows the wall
// clock but not the verdict. Exits with code 1 below the target, so CI can run it as a check.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import {
  type Answers,
  evaluate,
  type ItemAnswer,
  type RubricItem,
  type RubricTemplate,
  validateTemplate,
} from '../libs/scoring/src/index.js';

const TARGET_PER_SECOND = 20_000;
const ROUNDS = 5;
const SHEETS = Number(process.argv[2] ?? 50_000);
const SEED = Number(process.argv[3] ?? 20_240_601);

/** mulberry32: tiny, fast, deterministic; the same seed gives the same sheets on every machine. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function loadRubric(): RubricTemplate {
  const url = new URL('../libs/scoring/src/fixtures/mee-penalty-general-2024.json', import.meta.url);
  const result = validateTemplate(readFileSync(url, 'utf8'));
  if (!result.ok) throw new Error(`fixture invalid: ${JSON.stringify(result.errors)}`);
  return result.template as RubricTemplate;
}

function leaves(template: RubricTemplate): RubricItem[] {
  const of = (item: RubricItem): RubricItem[] => (item.children ? item.children.flatMap(of) : [item]);
  return template.sections.flatMap((section) => section.items.flatMap(of));
}

/** One legal sheet: rare veto hits, some items not applicable or unanswered, the rest in whole steps. */
function randomSheet(items: readonly RubricItem[], random: () => number): Answers {
  const answers: Record<string, ItemAnswer> = {};
  for (const item of items) {
    const roll = random();
    if (item.kind === 'VETO') {
      if (roll < 0.002) answers[item.code] = { hit: true, note: '否决' };
    } else if (item.mayNotApply && roll < 0.3) {
      answers[item.code] = { notApplicable: true };
    } else if (roll < 0.9) {
      const steps = Math.round((item.maxPoints ?? 0) / (item.step ?? 1));
      const points = Math.floor(random() * (steps + 1)) * (item.step ?? 1);
      answers[item.code] = random() < 0.1 ? { points, note: '扣分说明' } : { points };
    }
  }
  return answers;
}

/** The floor: touch every answer once, as any scorer must. */
function baseline(sheets: readonly Answers[]): number {
  let sum = 0;
  for (const sheet of sheets) {
    for (const code in sheet) sum += sheet[code]?.points ?? 0;
  }
  return sum;
}

function scoreAll(template: RubricTemplate, sheets: readonly Answers[]): number {
  let sum = 0;
  for (const sheet of sheets) sum += evaluate(template, sheet).score;
  return sum;
}

interface Timing {
  /** Median wall-clock time of a round, in ms. */
  readonly wallMs: number;
  /** Median CPU time of a round (user + system), in ms: what one core spent, whatever else the machine runs. */
  readonly cpuMs: number;
  readonly checksum: number;
}

/** Medians over ROUNDS runs; the checksum keeps the JIT from dropping the work. */
function time(run: () => number): Timing {
  const wall: number[] = [];
  const cpu: number[] = [];
  let checksum = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    checksum = run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu), checksum };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const perSecond = (ms: number): string => Math.round((SHEETS / ms) * 1000).toLocaleString('en');

function main(): void {
  const template = loadRubric();
  const random = prng(SEED);
  const items = leaves(template);
  const sheets = Array.from({ length: SHEETS }, () => randomSheet(items, random));
  scoreAll(template, sheets.slice(0, 5_000)); // warm up the JIT before timing

  const engine = time(() => scoreAll(template, sheets));
  const floor = time(() => baseline(sheets));
  const cpuRate = (SHEETS / engine.cpuMs) * 1000;

  console.log(`rubric          ${template.code} ${template.version} (${items.length} answerable items)`);
  console.log(`sheets          ${SHEETS.toLocaleString('en')} (seed ${SEED}), median of ${ROUNDS} rounds`);
  console.log(
    `evaluate        ${perSecond(engine.cpuMs)} sheets per CPU-second, ${perSecond(engine.wallMs)} sheets/s wall ` +
      `(${((engine.cpuMs * 1000) / SHEETS).toFixed(1)} µs CPU/sheet, mean score ${(engine.checksum / SHEETS).toFixed(2)})`,
  );
  console.log(
    `baseline loop   ${perSecond(floor.cpuMs)} sheets per CPU-second, ${perSecond(floor.wallMs)} sheets/s wall ` +
      `(evaluate costs ${(engine.cpuMs / floor.cpuMs).toFixed(1)}× reading every answer once)`,
  );
  const met = cpuRate >= TARGET_PER_SECOND;
  console.log(`target          ≥ ${TARGET_PER_SECOND.toLocaleString('en')} sheets per CPU-second: ${met ? 'met' : 'MISSED'}`);
  if (!met) process.exitCode = 1;
}

main();
