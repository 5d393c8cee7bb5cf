import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainException, type JsonLogger } from '@ducha/common';
import { ErrorCode } from '@ducha/contracts';
import type { Response } from 'express';

const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.BAD_USER_INPUT]: HttpStatus.BAD_REQUEST,
  [ErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [ErrorCode.TOO_MANY_REQUESTS]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.INTERNAL_SERVER_ERROR]: HttpStatus.INTERNAL_SERVER_ERROR,
};

/**
 * REST errors as `{ code, message, issues? }`, the same codes GraphQL uses. In GraphQL context the
 * exception is handed back unchanged for the GraphQL error formatter.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof DomainException) {
      res.status(STATUS[exception.code]).json({
        code: exception.code,
        message: exception.message,
        ...(exception.issues.length ? { issues: exception.issues } : {}),
        ...exception.extra,
      });
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code =
        status === 401
          ? ErrorCode.UNAUTHENTICATED
          : status === 403
            ? ErrorCode.FORBIDDEN
            : status === 404
              ? ErrorCode.NOT_FOUND
              : status === 413
                ? ErrorCode.BAD_USER_INPUT
                : status < 500
                  ? ErrorCode.BAD_USER_INPUT
                  : ErrorCode.INTERNAL_SERVER_ERROR;
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? exception.message);
      res.status(status).json({
        code,
        message: Array.isArray((body as { message?: unknown }).message) ? (body as { message: string[] }).message.join('; ') : message,
      });
      return;
    }
    this.logger.event('error', 'Unhandled error in HTTP request', {
      error: (exception as Error)?.message,
      stack: (exception as Error)?.stack,
    });
    res.status(500).json({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error' });
  }
}
