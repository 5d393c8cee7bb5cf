import type { DomainEvent } from '@ducha/contracts';
import { useEffect, useRef, useState } from 'react';
import { LiveConnection, type LiveStatus } from './LiveConnection';

/** The app-wide live connection ("live from now"), opened by the first subscriber, closed by the last. */
let shared: LiveConnection | null = null;
let users = 0;

function acquire(): LiveConnection {
  shared ??= new LiveConnection();
  if (users++ === 0) shared.start();
  return shared;
}

function release(): void {
  if (--users === 0 && shared) {
    shared.stop();
    shared = null;
  }
}

/** Calls `handler` for every event of the user's scope that arrives while the component is mounted. */
export function useLiveEvents(handler: (event: DomainEvent) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const connection = acquire();
    const off = connection.onEvent((event) => latest.current(event));
    return () => {
      off();
      release();
    };
  }, []);
}

/** The status of a given connection, as React state. */
export function useLiveStatus(connection: LiveConnection | null): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>(connection?.currentStatus ?? 'offline');
  useEffect(() => {
    if (!connection) return;
    setStatus(connection.currentStatus);
    return connection.onStatus(setStatus);
  }, [connection]);
  return status;
}
