/**
 * The server's validators give their reasons in English (import reports, bad-input errors); the
 * office reads Chinese. Known shapes are translated, anything else (e.g. a password-policy
 * sentence) is shown as sent.
 */
const PATTERNS: [RegExp, string][] = [
  [/^is required$/, '必填，不能为空'],
  [/^column is missing$/, '缺少此列'],
  [/^duplicates row (\d+)$/, '与第 $1 行重复'],
  [/^must be one of (.*)$/, '须为以下之一：$1'],
  [/^no region with code (.*) in your area$/, '您的辖区内没有编码为“$1”的区划'],
  [/^no unit with code (.*) in your area$/, '您的辖区内没有编码为“$1”的单位'],
  [/^must list roles from (.*)$/, '角色须从以下选择：$1'],
  [/^must be a date like [\d-]+, got "(.*)"$/, '须为日期（如 2026-01-31），实际为“$1”'],
  [/^is before the start of validity$/, '早于有效期起'],
  [/^must be 是 or 否, got "(.*)"$/, '须填“是”或“否”，实际为“$1”'],
];

export function reasonZh(reason: string): string {
  for (const [pattern, zh] of PATTERNS) if (pattern.test(reason)) return reason.replace(pattern, zh);
  return reason;
}
