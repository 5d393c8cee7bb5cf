import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { DomainException } from '@ducha/common';
import { ErrorCode } from '@ducha/contracts';
import type { JsonLogger } from '@ducha/common';

/** Apollo's own codes for a request that is not valid GraphQL at all; the caller's fault. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

function unwrap(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

/**
 * Every error leaves as `{ message, path, extensions: { code, ... } }`: domain exceptions with their
 * code and field issues, GraphQL's own validation errors as BAD_USER_INPUT, anything else as
 * INTERNAL_SERVER_ERROR with a generic message (logged in full here, never sent).
 */
export function createErrorFormatter(logger: JsonLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrap(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (original instanceof DomainException) {
      return {
        ...base,
        message: original.message,
        extensions: { code: original.code, ...(original.issues.length ? { issues: original.issues } : {}), ...original.extra },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      return { ...base, extensions: { code: ErrorCode.BAD_USER_INPUT, reason: code } };
    }
    logger.event('error', 'Unhandled error in GraphQL operation', {
      error: original instanceof Error ? original.message : String(original),
      stack: original instanceof Error ? original.stack : undefined,
      path: formatted.path,
    });
    return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}
