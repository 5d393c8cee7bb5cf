import { sessionRefresher } from '../auth/session';
import { createApolloClient } from './createApolloClient';

/** The app's single Apollo client, bound to this tab's session. */
export const apolloClient = createApolloClient(sessionRefresher);
