// A rubric flattened once into lookup structures, so scoring a sheet does no tree searches.
import { decimalPlaces } from './decimal.js';
import type { ItemAnswer } from './answer.types.js';
import type { RubricItem, RubricSection, RubricTemplate } from './template.types.js';

export interface RubricNode {
  /** Position in `RubricIndex.nodes`; answers are laid out by it so scoring reads an array, not a hash. */
  readonly ordinal: number;
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
  /** Every node in template order, parents before their sub-items. */
  readonly nodes: readonly RubricNode[];
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
  const nodes: RubricNode[] = [];
  const build = (item: RubricItem, section: RubricSection, parent?: RubricNode): RubricNode => {
    const children: RubricNode[] = [];
    const node: RubricNode = {
      ordinal: nodes.length,
      item,
      section,
      parent,
      children,
      group: item.group ?? parent?.group ?? section.title,
      maxUnits: toUnits(item.maxPoints ?? 0, scale),
    };
    byCode.set(item.code, node);
    nodes.push(node);
    for (const child of item.children ?? []) children.push(build(child, section, node));
    return node;
  };
  const sectionRoots = template.sections.map((section) => section.items.map((item) => build(item, section)));
  return { scale, byCode, nodes, sectionRoots };
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

/** A sheet's answers laid out by node ordinal (undefined where the sheet has none). */
export type AnswerSlots = readonly (ItemAnswer | undefined)[];

/** The code of the nearest ancestor the sheet marks not applicable, if any. */
export function excludedBy(node: RubricNode, slots: AnswerSlots): string | undefined {
  for (let up = node.parent; up; up = up.parent) {
    if (slots[up.ordinal]?.notApplicable === true) return up.item.code;
  }
  return undefined;
}
