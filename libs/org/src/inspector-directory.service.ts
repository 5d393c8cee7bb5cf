import { Injectable } from '@nestjs/common';
import { type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy } from './access-policy.js';
import type { Inspector } from './models/inspector.model.js';
import { escapeLike } from './org.service.js';

/** At most this many inspectors are listed: a picker, not a directory (search narrows it). */
export const INSPECTOR_LIST_LIMIT = 200;

/**
 * Who may be chosen as a reviewer or a round's inspector: the active inspectors of the caller's
 * region subtree. Office staff read it (the admin-only `users` directory stays closed to them).
 */
@Injectable()
export class InspectorDirectory {
  constructor(private readonly tx: TransactionRunner) {}

  async list(actor: Actor, search?: string): Promise<Inspector[]> {
    AccessPolicy.enforce(AccessPolicy.canReadRegion(actor, actor.regionPath));
    const params: unknown[] = [`${actor.regionPath}%`, Role.INSPECTOR, INSPECTOR_LIST_LIMIT];
    let filter = '';
    if (search?.trim()) {
      params.push(`%${escapeLike(search.trim())}%`);
      filter = `AND (u.username ILIKE $4 OR u.display_name ILIKE $4)`;
    }
    return this.tx.manager.query(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.unit_id AS "unitId", unit.name AS "unitName"
         FROM app_user u JOIN unit ON unit.id = u.unit_id JOIN region r ON r.id = unit.region_id
        WHERE r.path LIKE $1 AND $2 = ANY(u.roles) AND NOT u.disabled ${filter}
        ORDER BY unit.name, u.display_name, u.username LIMIT $3`,
      params,
    );
  }
}
