import { ErrorCode } from '@ducha/contracts';
import { translate, type Locale } from '../../i18n/locales';
import { ERROR_CODE_MESSAGES } from '../errors/errorMessage';

/** REST answers errors as `{ code, message, issues? }` with GraphQL's codes; this is their sentence. */
export function restErrorMessage(status: number, body: unknown, locale: Locale): string {
  const raw = (body ?? {}) as { code?: unknown; issues?: { reason?: string }[] };
  const code = Object.values(ErrorCode).includes(raw.code as ErrorCode)
    ? (raw.code as ErrorCode)
    : status === 0
      ? null
      : ErrorCode.INTERNAL_SERVER_ERROR;
  if (!code) return translate(locale, 'error.network');
  const message = translate(locale, ERROR_CODE_MESSAGES[code]);
  const details = (raw.issues ?? []).map((issue) => issue.reason).filter(Boolean);
  return details.length ? translate(locale, 'error.issues', { message, details: details.join(locale === 'zh-CN' ? '；' : '; ') }) : message;
}
