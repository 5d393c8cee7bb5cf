import request from 'supertest';
import type { App } from 'supertest/types.js';

export interface GqlResult<T = Record<string, any>> {
  data?: T;
  errors?: {
    message: string;
    path?: string[];
    extensions?: { code?: string; issues?: { field: string; reason: string }[]; [k: string]: unknown };
  }[];
}

export interface GqlClient {
  /** Runs an operation; `token` signs it in. */
  run<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  /** Runs an operation that must succeed, and returns its data. */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  /** Runs an operation that must fail, and returns the first error's code. */
  code(query: string, variables?: Record<string, unknown>, token?: string): Promise<string | undefined>;
  login(username: string, password: string): Promise<{ accessToken: string; refreshToken: string }>;
}

/** GraphQL over supertest, so e2e tests read like what the dashboard does. */
export function gqlClient(server: App): GqlClient {
  const run = async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>> => {
    const req = request(server).post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    return res.body as GqlResult<T>;
  };
  const client: GqlClient = {
    run,
    async ok<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
      const result = await run<T>(query, variables, token);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as T;
    },
    async code(query: string, variables?: Record<string, unknown>, token?: string): Promise<string | undefined> {
      const result = await run(query, variables, token);
      if (!result.errors?.length) throw new Error(`Expected an error, got ${JSON.stringify(result.data)}`);
      return result.errors[0].extensions?.code;
    },
    async login(username: string, password: string) {
      const data = await client.ok<{ login: { accessToken: string; refreshToken: string } }>(
        `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken refreshToken } }`,
        { u: username, p: password },
      );
      return data.login;
    },
  };
  return client;
}
