import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestContextData {
  requestId: string;
  userId?: string;
}

const storage = new AsyncLocalStorage<RequestContextData>();

/** Per-request data (the request id for logs and audit entries) without threading it through calls. */
export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
  requestId(): string {
    return storage.getStore()?.requestId ?? `sys-${randomUUID()}`;
  },
  newRequestId(): string {
    return randomUUID();
  },
};
