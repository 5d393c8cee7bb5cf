export { describeError, errorCodeOf, type ErrorInfo } from './describeError';
export { errorMessage, formatWait, ERROR_CODE_MESSAGES, type ErrorMessageOptions } from './errorMessage';
export { applyFieldIssues } from './applyFieldIssues';
export { GraphQLRequestError } from './GraphQLRequestError';
export { useErrorMessage } from './useErrorMessage';
