import { Collector, Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process; /metrics renders it in Prometheus text format. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const httpDuration = new Histogram({
  name: 'ducha_http_request_duration_seconds',
  help: 'HTTP request latency',
  labelNames: ['method', 'route', 'status'],
  buckets: BUCKETS,
  registers: [registry],
});

export const graphqlDuration = new Histogram({
  name: 'ducha_graphql_operation_duration_seconds',
  help: 'GraphQL operation latency',
  labelNames: ['operation', 'type', 'outcome'],
  buckets: BUCKETS,
  registers: [registry],
});

export const jobCounts = new Gauge({
  name: 'ducha_jobs',
  help: 'Jobs per queue and state',
  labelNames: ['queue', 'state'],
  registers: [registry],
});

export const socketCount = new Gauge({
  name: 'ducha_sockets_connected',
  help: 'Connected socket.io clients in this process',
  registers: [registry],
});

/** The relay as the database sees it, the same from every process whichever one leads. */
export const outboxWaiting = new Gauge({
  name: 'ducha_outbox_waiting_events',
  help: 'Committed outbox events not yet given a seq by the relay',
  registers: [registry],
});

export const outboxOldestWaiting = new Gauge({
  name: 'ducha_outbox_oldest_waiting_seconds',
  help: 'Age of the oldest committed event still waiting for the relay (0 when none waits)',
  registers: [registry],
});

export const relayRecentLag = new Gauge({
  name: 'ducha_relay_recent_max_lag_seconds',
  help: 'Worst commit-to-relay lag over the last 1,000 relayed events (the cockpit read model is projected at relay time)',
  registers: [registry],
});

export const outboxHeadSeq = new Gauge({
  name: 'ducha_outbox_head_seq',
  help: 'Highest seq given out by the relay',
  registers: [registry],
});

export const loginFailures = new Counter({
  name: 'ducha_login_failures_total',
  help: 'Failed sign-ins',
  registers: [registry],
});

export type { Collector };
