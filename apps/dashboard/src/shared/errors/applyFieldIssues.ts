import type { FormInstance } from 'antd';
import { describeError } from './describeError';

/** `rows.3.unitCode` → ['rows', 3, 'unitCode'], the name path antd's Form uses. */
function toNamePath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Put BAD_USER_INPUT issues next to the fields they belong to. Returns true when every issue
 * landed on a field of this form, so the caller can skip the toast; issues about fields the form
 * does not show must still be surfaced another way.
 */
export function applyFieldIssues(
  form: FormInstance,
  error: unknown,
  /** Wording per top-level field, used instead of the server's reason (which is English). */
  fieldMessages: Partial<Record<string, string>> = {},
): boolean {
  const { issues } = describeError(error);
  if (issues.length === 0) return false;
  // getFieldsValue() without arguments returns only registered (rendered) fields.
  const registered = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const onForm = issues.filter((issue) => registered.has(String(toNamePath(issue.field)[0])));
  form.setFields(
    onForm.map((issue) => {
      const name = toNamePath(issue.field);
      return { name, errors: [fieldMessages[String(name[0])] ?? issue.reason] };
    }),
  );
  return onForm.length === issues.length;
}
