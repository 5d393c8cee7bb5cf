import { Injectable, Logger } from '@nestjs/common';
import { hashPassword } from '@ducha/common';
import { StandingScreenService } from '@ducha/compliance';
import { RegionLevel, UnitKind, type Role } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import { insertRegion, OfficerEntity, RegionEntity, UnitEntity, UserEntity } from '@ducha/org';
import type { EntityManager } from 'typeorm';
import {
  DEMO_DEPARTMENTS,
  DEMO_OFFICE,
  DEMO_PASSWORD,
  DEMO_REGIONS,
  DEMO_TOWNS,
  DEMO_USERS,
  demoName,
  demoRandom,
} from './demo-district.js';
import { DEMO_SEED_STEPS, type SeedContext } from './seed-steps.js';

/** Seeds the demo district on an empty database, in one transaction; never touches a database that has data. */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly standingScreen: StandingScreenService,
  ) {}

  async seedIfEmpty(): Promise<boolean> {
    const [{ n }] = await this.tx.manager.query(`SELECT count(*)::int AS n FROM region`);
    if (n > 0) return false;
    const started = Date.now();
    const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
    const seeded = await this.tx.run(async (m) => {
      // Re-check inside the transaction: two starts racing on an empty database seed once.
      const [{ n: again }] = await m.query(`SELECT count(*)::int AS n FROM region`);
      if (again > 0) return false;
      const ctx = await this.seedOrganisation(m, hashes);
      for (const step of DEMO_SEED_STEPS) {
        const stepStarted = Date.now();
        await step.run(m, ctx);
        this.logger.log(`Demo step ${step.name} seeded in ${Date.now() - stepStarted} ms`);
      }
      return true;
    });
    if (!seeded) return false;
    // The standing screen, as the nightly job would run it, so the cockpit's live three-systems rates
    // are there the first time a leader opens it (its events reach the read model through the relay).
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
    const screened = await this.standingScreen.screenYear(year);
    this.logger.log(`Demo district seeded in ${Date.now() - started} ms (standing screen ${year}: ${screened.cases} case files)`);
    return true;
  }

  loginsText(): string {
    const rows = DEMO_USERS.map(([username, , , , what]) => `    ${username.padEnd(11)} ${DEMO_PASSWORD}   ${what}`);
    return `  Demo sign-ins (user name, password):\n${rows.join('\n')}`;
  }

  private async seedOrganisation(m: EntityManager, hashes: string[]): Promise<SeedContext> {
    const province = await insertRegion(m, { parentId: null, level: RegionLevel.PROVINCE, ...DEMO_REGIONS.province, parentPath: null });
    const city = await insertRegion(m, { parentId: province.id, level: RegionLevel.CITY, ...DEMO_REGIONS.city, parentPath: province.path });
    const district = await insertRegion(m, {
      parentId: city.id,
      level: RegionLevel.COUNTY,
      ...DEMO_REGIONS.district,
      parentPath: city.path,
    });
    const unitIds = new Map<string, string>();
    const addUnit = async (code: string, name: string, kind: UnitKind, region: RegionEntity, enforcement: boolean, office = false) => {
      const unit = await m.save(
        m.create(UnitEntity, { code, name, kind, regionId: region.id, isEnforcementBody: enforcement, isSupervisingOffice: office }),
      );
      unitIds.set(code, unit.id);
    };
    await addUnit(DEMO_OFFICE.code, DEMO_OFFICE.name, UnitKind.GOVERNMENT_DEPARTMENT, district, true, true);
    for (const [code, name, kind, enforcement] of DEMO_DEPARTMENTS) await addUnit(code, name, kind, district, enforcement);
    for (const [code, name] of DEMO_TOWNS) {
      const town = await insertRegion(m, {
        parentId: district.id,
        level: RegionLevel.TOWN,
        code: `${DEMO_REGIONS.district.code}-${code}`,
        name,
        parentPath: district.path,
      });
      await addUnit(code, `${name}办事处`.replace('镇办事处', '镇人民政府'), UnitKind.TOWN, town, true);
    }
    await m.insert(
      UserEntity,
      DEMO_USERS.map(([username, displayName, unitCode, roles], i) => ({
        username,
        displayName,
        unitId: unitIds.get(unitCode)!,
        roles: roles as Role[],
        passwordHash: hashes[i],
        disabled: false,
        failedLoginCount: 0,
      })),
    );
    const officers = this.officers(unitIds);
    await m.insert(OfficerEntity, officers);
    const users: { id: string; username: string }[] = await m.query(`SELECT id, username FROM app_user`);
    const officerCertificates = new Map<string, string[]>();
    const codeOf = new Map([...unitIds].map(([code, id]) => [id, code]));
    for (const o of officers) {
      const code = codeOf.get(o.unitId!)!;
      officerCertificates.set(code, [...(officerCertificates.get(code) ?? []), o.certificateNo!]);
    }
    return {
      districtRegionId: district.id,
      districtPath: district.path,
      officeUnitId: unitIds.get(DEMO_OFFICE.code)!,
      unitIds,
      userIds: new Map(users.map((u) => [u.username, u.id])),
      officerCertificates,
      random: demoRandom(20261122),
      today: new Date(),
    };
  }

  /** ~150 officers; about one in twelve a legal reviewer, a few of those without the qualification, a few certificates expired. */
  private officers(unitIds: Map<string, string>): Partial<OfficerEntity>[] {
    const random = demoRandom(20260101);
    const rows: Partial<OfficerEntity>[] = [];
    const staffed: [string, number][] = [
      [DEMO_OFFICE.code, 6],
      ...DEMO_DEPARTMENTS.map(([c, , , , n]) => [c, n] as [string, number]),
      ...DEMO_TOWNS.map(([c, , n]) => [c, n] as [string, number]),
    ];
    let serial = 1;
    for (const [code, count] of staffed) {
      for (let i = 0; i < count; i++) {
        const reviewer = i === 0 && count >= 3;
        const year = 2019 + Math.floor(random() * 6);
        const expired = random() < 0.04;
        rows.push({
          certificateNo: `QH${String(20190000 + serial++).padStart(8, '0')}`,
          name: demoName(random),
          unitId: unitIds.get(code)!,
          kind: code === DEMO_OFFICE.code ? 'SUPERVISION' : 'ADMINISTRATIVE_ENFORCEMENT',
          validFrom: `${year}-03-01`,
          validTo: expired ? '2025-06-30' : `${year + 6}-02-28`,
          legalReviewer: reviewer,
          legalQualification: reviewer ? random() < 0.8 : random() < 0.15,
        });
      }
    }
    return rows;
  }
}
