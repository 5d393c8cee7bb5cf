/** A minimal GraphQL client for arranging data the way another user would (never asserting the UI with it). */
export interface ApiUser {
  token: string;
  userId: string;
  unitId: string;
}

export async function gql<T>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export async function apiLogin(baseUrl: string, username: string, password = 'Ducha@2026'): Promise<ApiUser> {
  const data = await gql<{ login: { accessToken: string; user: { id: string; unit: { id: string } } } }>(
    baseUrl,
    `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken user { id unit { id } } } }`,
    { u: username, p: password },
  );
  return { token: data.login.accessToken, userId: data.login.user.id, unitId: data.login.user.unit.id };
}
