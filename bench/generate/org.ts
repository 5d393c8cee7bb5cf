// The province's tree: regions, 5,000 departments (10 cities × 10 counties × 50), officers, and a
// supervising office with an inspector and an administrator. Ids are md5 of the seed and the
// position, so a seed always gives the same province.
import type { GeneratorContext, ProvinceScale, Queryable } from './types.js';

/** A deterministic id from a SQL text expression: md5 shaped as a version-4 UUID (the API validates ids as RFC 4122). */
export const uuidOf = (expr: string): string => `overlay(overlay(md5(${expr}) placing '4' from 13) placing '8' from 17)::uuid`;

export type OrgContext = Pick<
  GeneratorContext,
  'provinceId' | 'provincePath' | 'officeUnitId' | 'inspectorId' | 'adminId' | 'departmentIds'
>;

export async function generateOrg(client: Queryable, seed: string, scale: ProvinceScale, passwordHash: string): Promise<OrgContext> {
  const s = `gen:${seed}`;
  const provinceId = (await client.query(`SELECT ${uuidOf(`$1 || ':province'`)} AS id`, [s])).rows[0].id as string;
  const provincePath = `/${provinceId}/`;
  await client.query(
    `INSERT INTO region (id, parent_id, level, code, name, path) VALUES ($1, NULL, 'PROVINCE', 'G-' || $2, '基准省', $3)`,
    [provinceId, seed, provincePath],
  );
  await client.query(
    `INSERT INTO region (id, parent_id, level, code, name, path)
     SELECT ${uuidOf(`$1 || ':c' || c`)}, $2, 'CITY', 'G' || $4 || '-C' || c, '基准市' || c, $3 || ${uuidOf(`$1 || ':c' || c`)} || '/' FROM generate_series(1, $5::int) c`,
    [s, provinceId, provincePath, seed, scale.cities],
  );
  await client.query(
    `INSERT INTO region (id, parent_id, level, code, name, path)
     SELECT ${uuidOf(`$1 || ':k' || c || '-' || k`)}, p.id, 'COUNTY', 'G' || $2 || '-K' || c || '-' || k, '基准县' || c || '-' || k, p.path || ${uuidOf(`$1 || ':k' || c || '-' || k`)} || '/'
       FROM generate_series(1, $3::int) c CROSS JOIN generate_series(1, $4::int) k JOIN region p ON p.id = ${uuidOf(`$1 || ':c' || c`)}`,
    [s, seed, scale.cities, scale.countiesPerCity],
  );
  const officeUnitId = (await client.query(`SELECT ${uuidOf(`$1 || ':office'`)} AS id`, [s])).rows[0].id as string;
  await client.query(
    `INSERT INTO unit (id, code, name, kind, region_id, is_enforcement_body, is_supervising_office) VALUES ($1, 'G' || $2 || '-SFT', '基准省司法厅', 'GOVERNMENT_DEPARTMENT', $3, true, true)`,
    [officeUnitId, seed, provinceId],
  );
  await client.query(
    `INSERT INTO unit (id, code, name, kind, region_id, is_enforcement_body, is_supervising_office)
     SELECT ${uuidOf(`$1 || ':d' || c || '-' || k || '-' || d`)}, 'G' || $2 || '-D' || c || '-' || k || '-' || d, '基准县' || c || '-' || k || '部门' || d,
            CASE WHEN d % 10 = 0 THEN 'VERTICAL' ELSE 'GOVERNMENT_DEPARTMENT' END, ${uuidOf(`$1 || ':k' || c || '-' || k`)}, true, false
       FROM generate_series(1, $3::int) c CROSS JOIN generate_series(1, $4::int) k CROSS JOIN generate_series(1, $5::int) d`,
    [s, seed, scale.cities, scale.countiesPerCity, scale.departmentsPerCounty],
  );
  const departmentIds = (await client.query(`SELECT id FROM unit WHERE code LIKE 'G' || $1 || '-D%' ORDER BY code`, [seed])).rows.map(
    (r) => r.id as string,
  );
  await client.query(
    `INSERT INTO officer (certificate_no, name, unit_id, kind, valid_from, valid_to, legal_qualification, legal_reviewer)
     SELECT u.code || '-' || o, '执法员' || o, u.id, 'ADMINISTRATIVE_ENFORCEMENT', DATE '2021-03-01', CASE WHEN abs(hashtext(u.code || o)) % 25 = 0 THEN DATE '2025-06-30' ELSE DATE '2027-02-28' END, o = 1, o = 1
       FROM unit u CROSS JOIN generate_series(1, $2::int) o WHERE u.code LIKE 'G' || $1 || '-D%'`,
    [seed, scale.officersPerDepartment],
  );
  const users = await client.query(
    `INSERT INTO app_user (username, display_name, unit_id, roles, password_hash, disabled, failed_login_count)
     VALUES ('gen' || $1 || '-inspector', '省督察', $2, '{INSPECTOR}', $3, false, 0), ('gen' || $1 || '-admin', '省管理员', $2, '{ADMIN}', $3, false, 0) RETURNING id, roles`,
    [seed, officeUnitId, passwordHash],
  );
  const inspectorId = users.rows.find((u) => String(u.roles).includes('INSPECTOR')).id as string;
  const adminId = users.rows.find((u) => String(u.roles).includes('ADMIN')).id as string;
  return { provinceId, provincePath, officeUnitId, inspectorId, adminId, departmentIds };
}
