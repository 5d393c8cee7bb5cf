// A rubric flattened once into lookup structures, so scoring a sheet does no tree searches.
import { decimalPlaces } from './decimal.js';
import type { RubricItem, RubricSection, RubricTemplate } from './template.types.js';

export interface RubricNode {
  readonly item: RubricItem;
  readonly section: RubricSection;
  readonly parent?: RubricNode;
  readonly children: readonly RubricNode[];
  /** Finding category: the item's group, else its nearest ancestor's, else the section title. */
  readonly group: string;
  /** maxPoints in units (see RubricIndex.scale); 0 for VETO items. */
  readonly maxUnits: number;
}

export interface RubricIndex {
  /**
   * 10^(most decimal places of any maxPoints or step). Every legal answer is a whole multiple of its
   * item's step, so points × scale is an integer: sums stay exact in plain numbers.
   */
  readonly scale: number;
  readonly byCode: ReadonlyMap<string, RubricNode>;
  /** Top-level nodes of each section, in template order (same index as `template.sections`). */
  readonly sectionRoots: readonly (readonly RubricNode[])[];
}

// Templates are immutable values (a new version is a new object), so caching by identity is safe.
const cache = new WeakMap<RubricTemplate, RubricIndex>();

export function indexRubric(template: RubricTemplate): RubricIndex {
  let index = cache.get(template);
  if (!index) {
    index = buildIndex(template);
    cache.set(template, index);
  }
  return index;
}

function buildIndex(template: RubricTemplate): RubricIndex {
  const scale = 10 ** maxDecimals(template);
  const byCode = new Map<string, RubricNode>();
  const build = (item: RubricItem, section: RubricSection, parent?: RubricNode): RubricNode => {
    const children: RubricNode[] = [];
    const node: RubricNode = {
      item,
      section,
      parent,
      children,
      group: item.group ?? parent?.group ?? section.title,
      maxUnits: toUnits(item.maxPoints ?? 0, scale),
    };
    byCode.set(item.code, node);
    for (const child of item.children ?? []) children.push(build(child, section, node));
    return node;
  };
  const sectionRoots = template.sections.map((section) => section.items.map((item) => build(item, section)));
  return { scale, byCode, sectionRoots };
}

function maxDecimals(template: RubricTemplate): number {
  let places = 0;
  const visit = (item: RubricItem): void => {
    places = Math.max(places, decimalPlaces(item.maxPoints ?? 0), decimalPlaces(item.step ?? 1));
    item.children?.forEach(visit);
  };
  for (const section of template.sections) {
    places = Math.max(places, decimalPlaces(section.maxPoints ?? 0));
    section.items.forEach(visit);
  }
  return places;
}

/** Points as an integer count of 1/scale; rounding absorbs float noise such as 0.1 + 0.2. */
export function toUnits(points: number, scale: number): number {
  return Math.round(points * scale);
}

/** Whether the answer sheet marks this node itself not applicable. */
export function isMarkedNotApplicable(node: RubricNode, answers: Readonly<Record<string, unknown>>): boolean {
  const answer = answers[node.item.code];
  return typeof answer === 'object' && answer !== null && (answer as { notApplicable?: unknown }).notApplicable === true;
}

/** The code of the nearest ancestor the sheet marks not applicable, if any. */
export function excludedBy(node: RubricNode, answers: Readonly<Record<string, unknown>>): string | undefined {
  for (let up = node.parent; up; up = up.parent) {
    if (isMarkedNotApplicable(up, answers)) return up.item.code;
  }
  return undefined;
}
