export { DomainException } from './domain.exception.js';
export { RequestContext, type RequestContextData } from './request-context.js';
export { JsonLogger } from './json-logger.js';
export { PageArgs, pageWindow, MAX_PAGE_SIZE } from './paging.js';
export { type Actor } from './actor.js';
export { readSheet, parseCsv, matchColumns, writeSheet, isXlsx, type Sheet, type SheetRow, type RowsWritten } from './tabular.js';
export { hashPassword, verifyPassword, passwordWeakness } from './password.js';
export { Public, Roles, CurrentActor, requestOf, IS_PUBLIC, REQUIRED_ROLES } from './decorators.js';
export { default as GraphQLJSON } from './graphql-json.js';
