import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import type { Namespace } from 'socket.io';
import type { RelayedEvent } from './relayed-event.js';

/** The room (joined by no socket) and event name under which the relay broadcasts its batches. */
export const RELAY_ROOM = 'ducha:relay';
/** socket.io-adapter's MessageType.BROADCAST, as the Redis stream stores it. */
const BROADCAST = '3';

interface RawStreamMessage {
  uid: string;
  nsp: string;
  type: string;
  data?: string;
}

/**
 * The socket.io Redis Streams adapter with this deployment's key names. The relay's emitter and
 * every api node's socket server share one stream: the relay broadcasts each batch of relayed events
 * to RELAY_ROOM, and a node given `onBatch` takes those batches off the stream into its EventFeed
 * (which orders them, fills gaps from the outbox table, and fans them out to its own sockets'
 * rooms) instead of letting socket.io deliver them as they come. Everything else on the stream
 * (heartbeats, cross-node socket operations) is the adapter's own business.
 */
export function streamAdapter(redis: Redis, prefix: string, onBatch?: (events: RelayedEvent[]) => void) {
  const create = createAdapter(redis, {
    streamName: `${prefix}:socket.io`,
    channelPrefix: `${prefix}:socket.io`,
    sessionKeyPrefix: `${prefix}:socket.io:session:`,
    onlyPlaintext: true,
    // Shorter than the default 5 s so that a closed adapter lets go of Redis soon.
    blockTimeInMs: 1000,
  });
  // socket.io calls it with `new`: a function, not an arrow.
  return function adapterFor(nsp: Namespace) {
    const adapter = create(nsp);
    if (onBatch) {
      const deliver = adapter.onRawMessage.bind(adapter);
      adapter.onRawMessage = (raw: RawStreamMessage, offset: string) => {
        const batch = relayBatch(raw);
        return batch ? onBatch(batch) : deliver(raw, offset);
      };
    }
    return adapter;
  };
}

function relayBatch(raw: RawStreamMessage): RelayedEvent[] | undefined {
  if (raw.type !== BROADCAST || !raw.data) return undefined;
  const { packet, opts } = JSON.parse(raw.data) as { packet: { data: [string, RelayedEvent[]] }; opts: { rooms: string[] } };
  return opts.rooms.length === 1 && opts.rooms[0] === RELAY_ROOM ? packet.data[1] : undefined;
}
