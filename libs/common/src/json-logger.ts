import type { LoggerService, LogLevel } from '@nestjs/common';
import { RequestContext } from './request-context.js';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

/**
 * Structured JSON logs, one object a line, each with the request id of the request (or job) that
 * wrote it. Nest's own messages go through here too.
 */
export class JsonLogger implements LoggerService {
  private readonly minimum: number;

  constructor(
    level: Level = 'info',
    private readonly out: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {
    this.minimum = LEVELS.indexOf(level);
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  setLogLevels(_levels: LogLevel[]): void {
    // The level comes from configuration only.
  }

  /** Writes a structured entry with extra fields (`logger.event('info', 'http', {...})`). */
  event(level: Level, msg: string, fields: Record<string, unknown>): void {
    if (LEVELS.indexOf(level) < this.minimum) return;
    this.out(JSON.stringify({ time: new Date().toISOString(), level, msg, requestId: RequestContext.current()?.requestId, ...fields }));
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    if (LEVELS.indexOf(level) < this.minimum) return;
    // Nest passes the context (a class name) last, and for errors a stack before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = typeof rest[0] === 'string' && rest[0].includes('\n    at ') ? (rest.shift() as string) : undefined;
    const error = message instanceof Error ? message : undefined;
    this.out(
      JSON.stringify({
        time: new Date().toISOString(),
        level,
        context,
        msg: error ? error.message : typeof message === 'string' ? message : JSON.stringify(message),
        requestId: RequestContext.current()?.requestId,
        stack: error?.stack ?? stack,
        ...(rest.length > 0 ? { detail: rest } : {}),
      }),
    );
  }
}
