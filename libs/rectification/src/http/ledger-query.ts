import { DomainException } from '@ducha/common';
import { FindingSource } from '@ducha/contracts';
import { TaskState, WarningLevel } from '../rectification.enums.js';
import type { LedgerFilter } from '../services/ledger.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The ledger's filters from a query string (the GET export) or an export request's `filter`, validated
 * like the GraphQL arguments.
 */
export function parseLedgerQuery(q: Record<string, string | string[] | undefined>): LedgerFilter {
  const one = (k: string): string | undefined => (Array.isArray(q[k]) ? (q[k] as string[])[0] : (q[k] as string | undefined)) || undefined;
  const filter: LedgerFilter = {};
  const departmentId = one('departmentId');
  if (departmentId && !UUID.test(departmentId)) throw DomainException.field('departmentId', 'must be a UUID');
  filter.departmentId = departmentId;
  const source = one('source');
  if (source && !(source in FindingSource)) throw DomainException.field('source', `${source} is not a finding source`);
  filter.source = source as FindingSource | undefined;
  const states = ([] as string[])
    .concat(q.states ?? [])
    .flatMap((s) => s.split(','))
    .filter(Boolean);
  for (const s of states) if (!(s in TaskState)) throw DomainException.field('states', `${s} is not a state`);
  if (states.length) filter.states = states as TaskState[];
  const level = one('warningLevel');
  if (level && !(level in WarningLevel)) throw DomainException.field('warningLevel', 'must be GREEN, YELLOW or RED');
  filter.warningLevel = level as WarningLevel | undefined;
  for (const k of ['from', 'to'] as const) {
    const v = one(k);
    if (v && !DATE.test(v)) throw DomainException.field(k, 'must be a date YYYY-MM-DD');
    filter[k] = v;
  }
  return filter;
}
