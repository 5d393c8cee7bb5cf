// A worker thread of bench/realtime-latency.ts: holds its share of the socket clients, so the
// measuring side is not one saturated event loop. Each receipt is reported as (event number, time
// of receipt) on the wall clock all threads share; the producer knows when it started and when it
// committed each event, so latency is measured from both.
import { parentPort, workerData } from 'node:worker_threads';
import type { Socket } from 'socket.io-client';
import { connectSocket } from './realtime-env.js';

const { port, ports, token, clients } = workerData as { port?: number; ports: number[]; token: string; clients: number };
const sockets: Socket[] = [];
let numbers: number[] = [];
let receipts: number[] = [];
let received = 0;
let duplicates = 0;
let outOfOrder = 0;

async function main(): Promise<void> {
  for (let i = 0; i < clients; i++) {
    const socket = await connectSocket(port ?? ports[i % ports.length], token);
    const seen = new Set<string>();
    let last = 0;
    socket.on('event', (event: { seq: number; payload: { name?: string; sentAt?: number } }) => {
      const { name, sentAt } = event.payload;
      if (!name?.startsWith('b-') || sentAt === undefined) return; // the demo seed's events
      if (seen.has(name)) duplicates++;
      if (event.seq <= last) outOfOrder++;
      seen.add(name);
      last = event.seq;
      received++;
      numbers.push(Number(name.slice(2)));
      receipts.push(Date.now());
    });
    sockets.push(socket);
  }
  parentPort!.postMessage({ kind: 'connected' });
}

parentPort!.on('message', (message: { kind: string }) => {
  if (message.kind === 'collect') {
    parentPort!.postMessage({ kind: 'tally', numbers, receipts, received, duplicates, outOfOrder });
    numbers = [];
    receipts = [];
    received = duplicates = outOfOrder = 0;
  } else if (message.kind === 'count') {
    parentPort!.postMessage({ kind: 'count', received });
  } else if (message.kind === 'close') {
    sockets.forEach((s) => s.disconnect());
    parentPort!.postMessage({ kind: 'closed' });
  }
});

void main();
