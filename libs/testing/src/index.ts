export {
  createTestEnvironment,
  preparePgliteTemplate,
  migrate,
  testMode,
  testConfig,
  quietLogger,
  type TestEnvironment,
  type TestMode,
} from './test-app.js';
export { gqlClient, type GqlClient, type GqlResult } from './gql-client.js';
export { openTestDataSource, type TestDataSource } from './test-datasource.js';
export { forgeToken } from './forge-token.js';
