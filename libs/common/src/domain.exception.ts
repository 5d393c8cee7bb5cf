import { ErrorCode, type FieldIssue } from '@ducha/contracts';

/**
 * The one exception type services throw for anything a caller did wrong. The GraphQL error
 * formatter turns it into `extensions.code` (+ `issues`); anything else becomes
 * INTERNAL_SERVER_ERROR with no detail leaked.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainException';
  }

  static badInput(message: string, issues: FieldIssue[] = []): DomainException {
    return new DomainException(ErrorCode.BAD_USER_INPUT, message, issues);
  }
  static field(field: string, reason: string): DomainException {
    return new DomainException(ErrorCode.BAD_USER_INPUT, `${field}: ${reason}`, [{ field, reason }]);
  }
  static notFound(what: string, id?: string): DomainException {
    return new DomainException(ErrorCode.NOT_FOUND, id ? `${what} ${id} not found` : `${what} not found`);
  }
  static forbidden(message = 'You may not do this'): DomainException {
    return new DomainException(ErrorCode.FORBIDDEN, message);
  }
  static conflict(message: string): DomainException {
    return new DomainException(ErrorCode.CONFLICT, message);
  }
  static unauthenticated(message = 'Sign in first'): DomainException {
    return new DomainException(ErrorCode.UNAUTHENTICATED, message);
  }
}
