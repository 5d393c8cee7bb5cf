/** The codes every API error carries in `extensions.code` (DESIGN.md "Errors"). */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** One problem with one field of an input; `field` is a dotted path such as `rows.3.unitCode`. */
export interface FieldIssue {
  field: string;
  reason: string;
}
