import type { GraphQLFormattedError } from 'graphql';

/**
 * A GraphQL response with `errors`, received outside Apollo (the session calls in
 * `app/auth/authApi.ts` use plain fetch). Carries the raw errors so `describeError` reads their
 * `extensions` exactly as it does for Apollo's `CombinedGraphQLErrors`.
 */
export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';

  constructor(
    readonly errors: readonly GraphQLFormattedError[],
    readonly status: number,
  ) {
    super(errors.map((e) => e.message).join('\n') || `GraphQL request failed with status ${status}`);
  }

  static is(value: unknown): value is GraphQLRequestError {
    return value instanceof GraphQLRequestError;
  }
}
