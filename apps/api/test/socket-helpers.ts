import type { RelayedEvent } from '@ducha/realtime';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import type { TestApp } from './harness.js';

/**
 * A live socket signed in as `username`: the events the server sends it from now on, or, with
 * `lastSeq`, replayed from after that seq first.
 */
export async function watchEvents(t: TestApp, username: string, lastSeq?: number): Promise<{ socket: Socket; events: RelayedEvent[] }> {
  const server = t.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const socket = io(`http://127.0.0.1:${port}`, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    auth: { token: await t.token(username), ...(lastSeq === undefined ? {} : { lastSeq }) },
    forceNew: true,
  });
  const events: RelayedEvent[] = [];
  socket.on('event', (event: RelayedEvent) => events.push(event));
  await new Promise<void>((resolve) => socket.once('ready', () => resolve()));
  return { socket, events };
}
