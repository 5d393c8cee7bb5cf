import { ErrorCode } from '@ducha/contracts';
import { describeError } from '../../shared/errors/describeError';
import { errorMessage } from '../../shared/errors/errorMessage';
import type { Locale, MessageKey } from '../../i18n/locales';

export type SignInFailure =
  /** A sentence to show; `clearPassword` when the password was the problem. */
  | { kind: 'message'; text: string; clearPassword: boolean }
  /** Login lockout; `retryAfterSeconds` null when the server did not say how long. */
  | { kind: 'locked'; retryAfterSeconds: number | null };

/**
 * On the sign-in form the generic codes mean specific things: UNAUTHENTICATED is a wrong
 * username or password (the API does not say which, so neither do we), FORBIDDEN a disabled
 * account, TOO_MANY_REQUESTS the lockout after repeated failures.
 */
const SIGN_IN_WORDING: Partial<Record<ErrorCode, MessageKey>> = {
  [ErrorCode.UNAUTHENTICATED]: 'signIn.error.wrongCredentials',
  [ErrorCode.FORBIDDEN]: 'signIn.error.disabled',
};

export function toSignInFailure(error: unknown, locale: Locale): SignInFailure {
  const info = describeError(error);
  if (info.code === ErrorCode.TOO_MANY_REQUESTS) {
    return { kind: 'locked', retryAfterSeconds: info.retryAfterSeconds };
  }
  return {
    kind: 'message',
    text: errorMessage(error, { locale, overrides: SIGN_IN_WORDING }),
    clearPassword: info.code === ErrorCode.UNAUTHENTICATED,
  };
}
