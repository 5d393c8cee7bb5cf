// Throughput of the scoring engine: scores 50,000 random legal MEE score sheets on one core and
// compares with a trivial loop over the same answers (the floor any implementation pays to read
// them). Run from the repository root: `npx tsx bench/evaluate.ts [sheets] [seed]`.
// Exits with code 1 when throughput is below the target, so CI can run it as a check.
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

/** Median time in ms over ROUNDS runs; the checksum keeps the JIT from dropping the work. */
function time(run: () => number): { ms: number; checksum: number } {
  const runs: number[] = [];
  let checksum = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    checksum = run();
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  return { ms: runs[Math.floor(ROUNDS / 2)] ?? 0, checksum };
}

function main(): void {
  const template = loadRubric();
  const random = prng(SEED);
  const items = leaves(template);
  const sheets = Array.from({ length: SHEETS }, () => randomSheet(items, random));
  scoreAll(template, sheets.slice(0, 5_000)); // warm up the JIT before timing

  const engine = time(() => scoreAll(template, sheets));
  const floor = time(() => baseline(sheets));
  const perSecond = (SHEETS / engine.ms) * 1000;
  const floorPerSecond = (SHEETS / floor.ms) * 1000;
  const meanScore = engine.checksum / SHEETS;

  console.log(`rubric          ${template.code} ${template.version} (${items.length} answerable items)`);
  console.log(`sheets          ${SHEETS.toLocaleString('en')} (seed ${SEED}), median of ${ROUNDS} rounds`);
  console.log(`evaluate        ${engine.ms.toFixed(1)} ms  ${Math.round(perSecond).toLocaleString('en')} sheets/s  ` +
    `(${((engine.ms * 1000) / SHEETS).toFixed(2)} µs/sheet, mean score ${meanScore.toFixed(2)})`);
  console.log(`baseline loop   ${floor.ms.toFixed(1)} ms  ${Math.round(floorPerSecond).toLocaleString('en')} sheets/s  ` +
    `(evaluate costs ${(engine.ms / floor.ms).toFixed(0)}× reading the answers)`);
  const met = perSecond >= TARGET_PER_SECOND;
  console.log(`target          ≥ ${TARGET_PER_SECOND.toLocaleString('en')} sheets/s: ${met ? 'met' : 'MISSED'}`);
  if (!met) process.exitCode = 1;
}

main();
