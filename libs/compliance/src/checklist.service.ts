import { Injectable } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { DomainException, pageWindow, type Actor } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy } from '@ducha/org';
import { type ChecklistTemplate, isChecklistTemplate, validateTemplate } from '@ducha/scoring';
import { ComplianceChecklistEntity } from './entities/compliance-checklist.entity.js';
import { SCREEN_KEYS } from './screens/index.js';

/** Three-systems checklists as data: imported, validated by the scoring engine, versioned. */
@Injectable()
export class ChecklistService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /**
   * Imports one version. A version is immutable once imported: the same code and version again is
   * accepted only when identical (idempotent), otherwise CONFLICT; a change is a new version.
   */
  async importChecklist(actor: Actor, json: unknown): Promise<ComplianceChecklistEntity> {
    AccessPolicy.enforce(AccessPolicy.canAdminister(actor, actor.regionPath));
    const template = validateChecklist(json);
    return this.tx.run(async (m) => {
      const existing = await m.findOneBy(ComplianceChecklistEntity, { code: template.code, version: template.version });
      if (existing) {
        if (canonical(existing.template) === canonical(template)) return existing;
        throw DomainException.conflict(
          `Checklist ${template.code} version ${template.version} exists with other content; import it as a new version`,
        );
      }
      const saved = await m.save(
        m.create(ComplianceChecklistEntity, {
          code: template.code,
          version: template.version,
          name: template.name,
          template,
          regionPath: actor.regionPath,
          importedBy: actor.userId,
        }),
      );
      await this.audit.record(m, actor, {
        operation: 'importChecklist',
        targetType: 'ComplianceChecklist',
        targetId: saved.id,
        after: { code: saved.code, version: saved.version, items: template.items.length },
      });
      return saved;
    });
  }

  async list(
    actor: Actor,
    args: { code?: string; page?: number; pageSize?: number },
  ): Promise<{ items: ComplianceChecklistEntity[]; total: number }> {
    AccessPolicy.enforce(AccessPolicy.canReadRegion(actor, actor.regionPath));
    const { skip, take } = pageWindow(args);
    const [items, total] = await this.tx.manager.findAndCount(ComplianceChecklistEntity, {
      where: args.code ? { code: args.code } : {},
      order: { code: 'ASC', createdAt: 'DESC' },
      skip,
      take,
    });
    return { items, total };
  }
}

/** The scoring engine's checks plus ours: every `auto` names a screen this lib runs. */
export function validateChecklist(json: unknown): ChecklistTemplate {
  const validation = validateTemplate(json);
  if (!validation.ok) {
    const issues = validation.errors.map((e) => ({ field: e.path || 'checklist', reason: e.reason }));
    throw DomainException.badInput(`The checklist is not valid: ${issues[0].field}: ${issues[0].reason}`, issues);
  }
  const template = validation.template;
  if (!isChecklistTemplate(template)) throw DomainException.field('checklist', 'is a rubric, not a checklist (no items)');
  const issues = template.items.flatMap((item, i) =>
    item.auto && !SCREEN_KEYS.includes(item.auto)
      ? [{ field: `items[${i}].auto`, reason: `unknown screen ${item.auto}; screens are ${SCREEN_KEYS.join(', ')}` }]
      : [],
  );
  if (issues.length) throw DomainException.badInput(`The checklist is not valid: ${issues[0].field}: ${issues[0].reason}`, issues);
  return template;
}

/** JSON with object keys sorted (jsonb does not keep key order). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
