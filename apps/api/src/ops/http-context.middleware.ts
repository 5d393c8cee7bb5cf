import { Injectable, type NestMiddleware } from '@nestjs/common';
import { JsonLogger, RequestContext } from '@ducha/common';
import type { NextFunction, Request, Response } from 'express';
import { httpDuration } from './metrics.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Gives each request an id (the caller's X-Request-Id if sane), times it and logs it as one JSON line. */
@Injectable()
export class HttpContextMiddleware implements NestMiddleware {
  constructor(private readonly logger: JsonLogger) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : RequestContext.newRequestId();
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = req.path.startsWith('/graphql')
        ? '/graphql'
        : (req.route?.path ?? (req.path.startsWith('/assets') ? '/assets' : 'other'));
      httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      if (route !== '/assets') {
        RequestContext.run({ requestId }, () =>
          this.logger.event('info', 'http', { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(seconds * 1000) }),
        );
      }
    });
    RequestContext.run({ requestId }, () => next());
  }
}
