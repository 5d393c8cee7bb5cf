import { writeSheet } from '@ducha/common';
import request from 'supertest';
import { startTestApp, type TestApp } from './harness.js';

const UNIT_HEADERS = ['单位编码', '单位名称', '单位类型', '所属区划编码', '执法主体', '监督机关'];

describe('Organisation: units, users, officers and their import (e2e)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    // The sealing job runs where processors run: in the api when embedded, in a worker otherwise;
    // this process plays both here.
    t = await startTestApp({ RUN_WORKERS: 'true' });
    admin = await t.token('admin');
  });
  afterAll(async () => t.close());

  const upload = (kind: string, content: Buffer, name: string, token = admin) =>
    request(t.app.getHttpServer()).post(`/imports/org/${kind}`).set('authorization', `Bearer ${token}`).attach('file', content, name);
  const unitCount = async () => (await t.gql.ok(`{ units(pageSize: 1) { total } }`, {}, admin)).units.total as number;

  it('should list the demo district: 36 units under the office', async () => {
    expect(await unitCount()).toBe(36);
    const regions = (await t.gql.ok(`{ regions { name level } }`, {}, admin)).regions;
    expect(regions.filter((r: { level: string }) => r.level === 'TOWN')).toHaveLength(10);
  });

  it('should write nothing from a sheet with one bad row, and report every problem by row and column', async () => {
    const before = await unitCount();
    const sheet = await writeSheet('单位', UNIT_HEADERS, [
      ['QH-NEW1', '区新建局一', '政府部门', '330105', '是', '否'],
      ['QH-NEW2', '', '外星单位', '999999', '也许', '否'],
      ['QH-NEW3', '区新建局三', '垂管单位', '330105', '是', '否'],
    ]);
    const res = await upload('UNITS', sheet, 'units.xlsx');
    expect(res.status).toBe(201);
    expect(res.body.ok).toBe(false);
    expect(res.body.errors).toEqual([
      { row: 3, column: '单位名称', reason: 'is required' },
      { row: 3, column: '单位类型', reason: expect.stringContaining('must be one of') },
      { row: 3, column: '所属区划编码', reason: 'no region with code 999999 in your area' },
      { row: 3, column: '执法主体', reason: 'must be 是 or 否, got "也许"' },
    ]);
    expect(await unitCount()).toBe(before);
  });

  it('should import a good sheet, and treat a re-import as an update, never a duplicate', async () => {
    const before = await unitCount();
    const rows = [
      ['QH-NEW1', '区新建局一', '政府部门', '330105', '是', '否'],
      ['QH-NEW3', '区新建局三', '垂管单位', '330105', '是', '否'],
    ];
    const first = await upload('UNITS', await writeSheet('单位', UNIT_HEADERS, rows), 'units.xlsx');
    expect(first.body).toMatchObject({ ok: true, rows: 2, created: 2, updated: 0 });
    const csv = Buffer.from(`${UNIT_HEADERS.join(',')}\r\nQH-NEW1,"区新建局一（更名）",政府部门,330105,是,否\r\n`, 'utf8');
    const again = await upload('UNITS', csv, 'units.csv');
    expect(again.body).toMatchObject({ ok: true, rows: 1, created: 0, updated: 1 });
    expect(await unitCount()).toBe(before + 2);
    const found = await t.gql.ok(`{ units(search: "QH-NEW1") { items { name } } }`, {}, admin);
    expect(found.units.items[0].name).toBe('区新建局一（更名）');
  });

  it('should import users and officers, naming unknown units and bad dates', async () => {
    const users = await writeSheet(
      '用户',
      ['用户名', '姓名', '单位编码', '角色', '初始密码'],
      [
        ['liaison9', '刘联络', 'QH-NEW1', '部门联络员', 'Strong@Pass1'],
        ['ghost', '鬼', 'QH-NOPE', '领导', 'Strong@Pass1'],
      ],
    );
    const bad = await upload('USERS', users, 'users.xlsx');
    expect(bad.body.errors).toEqual([{ row: 3, column: '单位编码', reason: 'no unit with code QH-NOPE in your area' }]);
    const officers = Buffer.from(
      '执法证号,姓名,单位编码,证件类型,有效期起,有效期止,法律职业资格,法制审核人员\nQH77770001,吴审核,QH-NEW1,,2024-01-01,2030-12-31,是,是\nQH77770002,郑执法,QH-NEW1,,2024-13-01,2030-12-31,否,否\n',
    );
    const badOfficers = await upload('OFFICERS', officers, 'officers.csv');
    expect(badOfficers.body.errors).toEqual([{ row: 3, column: '有效期起', reason: 'must be a date like 2026-01-31, got "2024-13-01"' }]);
    const good = await upload('OFFICERS', Buffer.from(officers.toString().split('\n').slice(0, 2).join('\n')), 'officers.csv');
    expect(good.body).toMatchObject({ ok: true, created: 1 });
    const listed = await t.gql.ok(
      `{ officers(search: "QH7777") { total items { name legalReviewer legalQualification validTo } } }`,
      {},
      admin,
    );
    expect(listed.officers).toEqual({
      total: 1,
      items: [{ name: '吴审核', legalReviewer: true, legalQualification: true, validTo: '2030-12-31' }],
    });
  });

  it('should refuse the import to non-administrators and a file with no header row', async () => {
    const inspector = await t.token('inspector');
    const sheet = await writeSheet('单位', UNIT_HEADERS, [['QH-X', 'x', '政府部门', '330105', '是', '否']]);
    expect((await upload('UNITS', sheet, 'u.xlsx', inspector)).status).toBe(403);
    const res = await upload('UNITS', Buffer.from('\n\n'), 'empty.csv');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_USER_INPUT');
  });

  it('should refuse a stale version when two admins edit a unit', async () => {
    const unit = (await t.gql.ok(`{ units(search: "QH-NEW3") { items { id version } } }`, {}, admin)).units.items[0];
    const rename = `mutation($id: ID!, $v: Int!, $n: String!) { updateUnit(input: { id: $id, version: $v, name: $n }) { name version } }`;
    const first = await t.gql.ok(rename, { id: unit.id, v: unit.version, n: '甲' }, admin);
    expect(first.updateUnit.version).toBe(unit.version + 1);
    expect(await t.gql.code(rename, { id: unit.id, v: unit.version, n: '乙' }, admin)).toBe('CONFLICT');
  });

  it('should keep an audit trail of each change, sealed into the hash chain within seconds', async () => {
    const unit = (await t.gql.ok(`{ units(search: "QH-NEW3") { items { id } } }`, {}, admin)).units.items[0];
    let trail: { operation: string; chainSeq: string | null; before: { name?: string }; after: { name?: string } }[] = [];
    for (let i = 0; i < 40; i++) {
      trail = (
        await t.gql.ok(`query($id: String!) { auditTrail(targetId: $id) { operation chainSeq before after } }`, { id: unit.id }, admin)
      ).auditTrail;
      if (trail.length && trail.every((e) => e.chainSeq)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(trail[0]).toMatchObject({ operation: 'updateUnit', before: { name: '区新建局三' }, after: { name: '甲' } });
    expect(trail[0].chainSeq).not.toBeNull();
    expect(
      await t.gql.code(`query($id: String!) { auditTrail(targetId: $id) { operation } }`, { id: unit.id }, await t.token('inspector')),
    ).toBe('FORBIDDEN');
  });
});
