import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { AppConfig } from '@ducha/config';
import { DomainException } from '@ducha/common';
import multer from 'multer';
import type { Observable } from 'rxjs';

/** One multipart field "file", held in memory and capped at AppConfig.maxUploadBytes (over: BAD_USER_INPUT). */
@Injectable()
export class SingleUploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<ReturnType<typeof multer>['single']>;

  constructor(config: AppConfig) {
    this.upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: config.maxUploadBytes, files: 1 } }).single('file');
    this.max = config.maxUploadBytes;
  }
  private readonly max: number;

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) =>
      this.upload(http.getRequest(), http.getResponse(), (error: unknown) => {
        if (!error) return resolve();
        const code = (error as { code?: string }).code;
        reject(
          code === 'LIMIT_FILE_SIZE'
            ? DomainException.field('file', `the file is larger than ${this.max} bytes`)
            : DomainException.field('file', (error as Error).message),
        );
      }),
    );
    return next.handle();
  }
}
