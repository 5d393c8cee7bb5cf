import type { MessageKey, Translate } from '../../i18n/locales';

/** The grades of case files, checks and assessments (优秀 / 良好 / 合格 / 不合格). */
export const GRADES = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const;

/**
 * A grade's label in the current language. A grade outside the four (a rubric may name its own
 * bands) shows the label the data gives, else its code; none shows ''.
 */
export function gradeLabel(t: Translate, grade: string | null | undefined, dataLabel?: string | null): string {
  if (!grade) return '';
  return (GRADES as readonly string[]).includes(grade) ? t(`grade.${grade}` as MessageKey) : (dataLabel ?? grade);
}
