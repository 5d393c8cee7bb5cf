import { liveRates } from '@ducha/compliance';
import { RELAY_XACT_LOCK } from '@ducha/realtime';
import type { EntityManager } from 'typeorm';
import { REBUILD_ASSESSMENT } from './cockpit-assessment.js';
import { INSERT_RATES, RATE_SOURCES, REBUILD_COUNTERS, REBUILD_FACTS } from './cockpit-rebuild.sql.js';

const TABLES = [
  'cockpit_department_period',
  'cockpit_region_period',
  'cockpit_task',
  'cockpit_compliance_score',
  'cockpit_rates',
  'cockpit_review_file',
  'cockpit_region_deadline',
  'cockpit_assessment',
  'cockpit_region_assessment',
  'cockpit_measure',
];

/**
 * Recomputes the whole read model from the source tables in the caller's transaction, holding the
 * relay's lock (no seq is assigned meanwhile, so the model is as of the head): the rebuild job,
 * and the demo seed's last step (seeded rows without events show at first start). Returns the
 * department-period rows written.
 */
export async function recomputeCockpit(m: EntityManager): Promise<number> {
  await m.query('SELECT pg_advisory_xact_lock($1)', [RELAY_XACT_LOCK]);
  await m.query(`TRUNCATE ${TABLES.join(', ')}`);
  for (const sql of REBUILD_FACTS) await m.query(sql);
  const rates = (await m.query(RATE_SOURCES)).map(
    (r: { department_id: string; region_path: string; year: number; screens: Parameters<typeof liveRates>[0] }) => {
      const live = liveRates(r.screens);
      return {
        department_id: r.department_id,
        region_path: r.region_path,
        year: r.year,
        rates: {
          disclosure_passed: live.disclosureOnTime.passed,
          disclosure_total: live.disclosureOnTime.total,
          legal_review_passed: live.legalReviewCoverage.passed,
          legal_review_total: live.legalReviewCoverage.total,
          av_passed: live.avFiled.passed,
          av_total: live.avFiled.total,
        },
      };
    },
  );
  await m.query(INSERT_RATES, [JSON.stringify(rates)]);
  for (const sql of REBUILD_COUNTERS) await m.query(sql);
  for (const [sql, params] of REBUILD_ASSESSMENT) await m.query(sql, params);
  await m.query(`UPDATE cockpit_state SET as_of_seq = (SELECT coalesce(max(seq), 0) FROM outbox_event) WHERE id = 1`);
  const [{ rows }] = await m.query(`SELECT count(*)::int AS rows FROM cockpit_department_period`);
  return rows;
}
