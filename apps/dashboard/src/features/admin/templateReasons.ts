import { reasonZh } from '../../shared/errors/reasonZh';

/** The scoring engine's template checks speak English; the common shapes are said in Chinese. */
const PATTERNS: [RegExp, string][] = [
  [/^must be > 0$/, '须大于 0'],
  [/^must be a number$/, '须为数字'],
  [/^must be a non-empty string$/, '须为非空文字'],
  [/^must be a non-empty array$/, '须为非空列表'],
  [/^must be true or false$/, '须为 true 或 false'],
  [/^must divide maxPoints (.*) into whole steps$/, '须能整除满分 $1'],
  [/^must not exceed maxPoints (.*)$/, '不得超过满分 $1'],
  [/^duplicate code '(.*)' \(first used at (.*)\)$/, '编码“$1”重复（首次出现于 $2）'],
  [/^must have sections \(a rubric\) or items \(a checklist\)$/, '须包含 sections（评查标准）或 items（检查表）'],
  [/^must have at most (\d+) decimal places$/, '最多 $1 位小数'],
  [/^sub-items' maxPoints add up to (.*), but the item's maxPoints is (.*)$/, '子项满分合计 $1，与本项满分 $2 不一致'],
];

export function templateReasonZh(reason: string): string {
  for (const [pattern, zh] of PATTERNS) if (pattern.test(reason)) return reason.replace(pattern, zh);
  return reasonZh(reason);
}
