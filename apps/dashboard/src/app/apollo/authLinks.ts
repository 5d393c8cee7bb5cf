import { ErrorLink } from '@apollo/client/link/error';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorCode } from '@ducha/contracts';
import { from, of, switchMap, throwError } from 'rxjs';
import { describeError } from '../../shared/errors/describeError';
import type { SessionRefresher } from '../auth/sessionRefresher';

/** Context keys this module adds to an operation. */
interface AuthContext {
  /** The access token the request was sent with, to tell "expired" from "already rotated". */
  accessToken?: string;
  /** Set once the operation has been retried after a refresh: never loop. */
  authRetried?: boolean;
}

/** Adds `Authorization: Bearer …`, refreshing first when the access token is about to expire. */
export function createAuthHeaderLink(refresher: SessionRefresher): SetContextLink {
  return new SetContextLink(async (prevContext) => {
    const session = await refresher.sessionForRequest();
    const headers: Record<string, string> = { ...(prevContext.headers as Record<string, string>) };
    if (session) headers.authorization = `Bearer ${session.accessToken}`;
    else delete headers.authorization;
    const auth: AuthContext = { accessToken: session?.accessToken };
    return { headers, ...auth };
  });
}

/**
 * On UNAUTHENTICATED: refresh once (shared with every other request failing at the same moment)
 * and replay the operation with the new token. When the refresh is refused the session store is
 * cleared, the AuthProvider sends the user to the sign-in page, and the caller gets the original
 * error.
 */
export function createAuthRetryLink(refresher: SessionRefresher): ErrorLink {
  return new ErrorLink(({ error, result, operation, forward }) => {
    if (describeError(error).code !== ErrorCode.UNAUTHENTICATED) return;
    const context = operation.getContext() as AuthContext;
    if (context.authRetried || context.accessToken === undefined) return;
    operation.setContext({ authRetried: true } satisfies AuthContext);

    return from(refresher.renewAfterRejection(context.accessToken)).pipe(
      switchMap((renewed) => {
        if (renewed) return forward(operation);
        return result ? of(result) : throwError(() => error);
      }),
    );
  });
}
