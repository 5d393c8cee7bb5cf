import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ErrorCode, type FieldIssue } from '@ducha/contracts';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLRequestError } from './GraphQLRequestError';

/** What the UI needs to know about a failure, whatever layer it came from. */
export interface ErrorInfo {
  /** The API's code, or null when the request never got a GraphQL answer. */
  code: ErrorCode | null;
  /** True when the server could not be reached at all (offline, DNS, proxy down). */
  network: boolean;
  issues: FieldIssue[];
  retryAfterSeconds: number | null;
  /** The access rule that refused a FORBIDDEN request (e.g. RECUSAL_CASE_OFFICER), when the API names one. */
  rule: string | null;
}

const CODES = new Set<string>(Object.values(ErrorCode));

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && CODES.has(value);
}

function toIssues(value: unknown): FieldIssue[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (issue): issue is FieldIssue =>
      typeof issue === 'object' &&
      issue !== null &&
      typeof (issue as FieldIssue).field === 'string' &&
      typeof (issue as FieldIssue).reason === 'string',
  );
}

function toSeconds(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.ceil(n) : null;
}

function fromGraphQLErrors(errors: readonly GraphQLFormattedError[]): ErrorInfo {
  // The first error with a code we know decides; a response rarely mixes codes, and when it does
  // the first one is the one the resolver threw.
  const first = errors.find((e) => isErrorCode(e.extensions?.code)) ?? errors[0];
  const extensions = first?.extensions ?? {};
  return {
    code: isErrorCode(extensions.code) ? extensions.code : ErrorCode.INTERNAL_SERVER_ERROR,
    network: false,
    issues: errors.flatMap((e) => toIssues(e.extensions?.issues)),
    retryAfterSeconds: toSeconds(extensions.retryAfterSeconds),
    rule: typeof extensions.rule === 'string' ? extensions.rule : null,
  };
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  429: ErrorCode.TOO_MANY_REQUESTS,
};

function fromHttpStatus(status: number, bodyText: string, retryAfter: string | null): ErrorInfo {
  // A non-2xx answer may still carry a GraphQL body (Apollo Server sends 400/500 with `errors`).
  try {
    const body = JSON.parse(bodyText) as { errors?: GraphQLFormattedError[] };
    if (Array.isArray(body.errors) && body.errors.length > 0) return fromGraphQLErrors(body.errors);
  } catch {
    // Not JSON (a proxy's HTML error page): fall back to the status.
  }
  return {
    code: STATUS_CODES[status] ?? ErrorCode.INTERNAL_SERVER_ERROR,
    network: status === 502 || status === 503 || status === 504,
    issues: [],
    retryAfterSeconds: toSeconds(retryAfter),
    rule: null,
  };
}

/** Normalise Apollo errors, our fetch errors and browser network failures into one shape. */
export function describeError(error: unknown): ErrorInfo {
  if (CombinedGraphQLErrors.is(error)) return fromGraphQLErrors(error.errors);
  if (GraphQLRequestError.is(error)) {
    return error.errors.length > 0 ? fromGraphQLErrors(error.errors) : fromHttpStatus(error.status, '', null);
  }
  if (ServerError.is(error)) {
    return fromHttpStatus(error.statusCode, error.bodyText, error.response.headers.get('retry-after'));
  }
  // fetch rejects with a TypeError when the network fails; Apollo passes it through as is.
  const network = error instanceof TypeError;
  return { code: null, network, issues: [], retryAfterSeconds: null, rule: null };
}

export function errorCodeOf(error: unknown): ErrorCode | null {
  return describeError(error).code;
}
