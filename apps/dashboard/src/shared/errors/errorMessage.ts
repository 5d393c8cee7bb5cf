import { ErrorCode } from '@ducha/contracts';
import { DEFAULT_LOCALE, translate, type Locale, type MessageKey } from '../../i18n/locales';
import { describeError } from './describeError';
import { POLICY_RULES } from './policyRules';
import { reasonZh } from './reasonZh';

/**
 * One sentence per API code. Typed as a full Record so adding a code to `ErrorCode` in
 * libs/contracts fails the dashboard's type-check until it has a message here.
 */
export const ERROR_CODE_MESSAGES: Record<ErrorCode, MessageKey> = {
  [ErrorCode.UNAUTHENTICATED]: 'error.UNAUTHENTICATED',
  [ErrorCode.FORBIDDEN]: 'error.FORBIDDEN',
  [ErrorCode.NOT_FOUND]: 'error.NOT_FOUND',
  [ErrorCode.BAD_USER_INPUT]: 'error.BAD_USER_INPUT',
  [ErrorCode.CONFLICT]: 'error.CONFLICT',
  [ErrorCode.TOO_MANY_REQUESTS]: 'error.TOO_MANY_REQUESTS',
  [ErrorCode.INTERNAL_SERVER_ERROR]: 'error.INTERNAL_SERVER_ERROR',
};

export interface ErrorMessageOptions {
  /** Defaults to zh-CN, the product's language, so callers outside React get Chinese text. */
  locale?: Locale;
  /**
   * Screen-specific wording for a code, e.g. UNAUTHENTICATED on the sign-in form means "wrong
   * password", not "session ended".
   */
  overrides?: Partial<Record<ErrorCode, MessageKey>>;
}

/** "3 分 05 秒" / "45 秒": lockout and rate-limit waits are short, hours never occur. */
export function formatWait(totalSeconds: number, locale: Locale = DEFAULT_LOCALE): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0
    ? translate(locale, 'duration.minutesSeconds', { m, s: String(s).padStart(2, '0') })
    : translate(locale, 'duration.seconds', { s });
}

/** The sentence naming an access rule (recusal, separation of duties…), or null for a rule without one. */
export function ruleMessage(rule: string | null): MessageKey | null {
  return rule && (POLICY_RULES as readonly string[]).includes(rule) ? (`policy.${rule}` as MessageKey) : null;
}

/** A user-facing sentence for any error the dashboard can meet (never a stack or server text). */
export function errorMessage(error: unknown, options: ErrorMessageOptions = {}): string {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const info = describeError(error);

  if (info.code === null) return translate(locale, info.network ? 'error.network' : 'error.unknown');

  const override = options.overrides?.[info.code];
  if (override) return translate(locale, override);

  if (info.code === ErrorCode.TOO_MANY_REQUESTS && info.retryAfterSeconds !== null) {
    return translate(locale, 'error.TOO_MANY_REQUESTS.wait', {
      wait: formatWait(info.retryAfterSeconds, locale),
    });
  }
  const rule = ruleMessage(info.rule);
  if (info.code === ErrorCode.FORBIDDEN && rule) return translate(locale, 'error.FORBIDDEN.rule', { rule: translate(locale, rule) });
  const message = translate(locale, ERROR_CODE_MESSAGES[info.code]);
  if (info.code === ErrorCode.BAD_USER_INPUT && info.issues.length > 0) {
    // Reasons come from the server's validators; showing them beats a bare "input invalid".
    const details = info.issues
      .map((issue) => (locale === 'zh-CN' ? reasonZh(issue.reason) : issue.reason))
      .join(locale === 'zh-CN' ? '；' : '; ');
    return translate(locale, 'error.issues', { message, details });
  }
  return message;
}
