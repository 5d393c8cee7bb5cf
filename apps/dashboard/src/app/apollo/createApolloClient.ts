import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import type { SessionRefresher } from '../auth/sessionRefresher';
import { createAuthHeaderLink, createAuthRetryLink } from './authLinks';

export function createApolloClient(refresher: SessionRefresher): ApolloClient {
  return new ApolloClient({
    // Order matters: the retry link sits above the header link so a replay passes through the
    // header link again and picks up the refreshed token.
    link: ApolloLink.from([
      createAuthRetryLink(refresher),
      createAuthHeaderLink(refresher),
      // Relative: in production the api serves the dashboard on the same origin; in dev Vite
      // proxies /graphql to it.
      new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    ]),
    cache: new InMemoryCache(),
  });
}
