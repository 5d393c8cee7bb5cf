import { FindingSeverity, FindingSource, type FindingDraft } from '@ducha/contracts';
import { In, type EntityManager } from 'typeorm';
import { ComplianceCheckItemEntity } from './entities/compliance-check-item.entity.js';
import type { ComplianceCheckEntity } from './entities/compliance-check.entity.js';
import type { ComplianceChecklistEntity } from './entities/compliance-checklist.entity.js';
import { ComplianceEvidenceFileEntity } from './entities/compliance-evidence-file.entity.js';
import type { ComplianceRoundEntity } from './entities/compliance-round.entity.js';

const RESULT_NAMES: Record<string, string> = { PASS: '符合', PARTIAL: '部分符合', FAIL: '不符合', NOT_APPLICABLE: '不适用' };
/** Failing cases carried into a finding's evidence (the full list stays on the check item). */
const FINDING_EVIDENCE_CASES = 50;

/** One finding per failed or partial item of the round (source THREE_SYSTEMS, batch = round). */
export async function findingDrafts(
  m: EntityManager,
  round: ComplianceRoundEntity,
  checks: ComplianceCheckEntity[],
  checklist: ComplianceChecklistEntity,
): Promise<FindingDraft[]> {
  const byCheck = new Map(checks.map((c) => [c.id, c]));
  const items = await m.findBy(ComplianceCheckItemEntity, { checkId: In([...byCheck.keys()]), result: In(['FAIL', 'PARTIAL']) });
  const files = items.length ? await m.findBy(ComplianceEvidenceFileEntity, { checkItemId: In(items.map((i) => i.id)) }) : [];
  const titles = new Map(checklist.template.items.map((i) => [i.code, i]));
  return items.map((item) => {
    const check = byCheck.get(item.checkId)!;
    const def = titles.get(item.itemCode)!;
    const failures = item.screenFailures ?? [];
    const summary = failures.length
      ? `；自动筛查发现 ${failures.length + item.screenFailuresOmitted} 件（人）不符合，如：${failures
          .slice(0, 3)
          .map((f) => `${f.label}（${f.reason}）`)
          .join('；')}`
      : '';
    return {
      source: FindingSource.THREE_SYSTEMS,
      departmentId: check.departmentId,
      originType: 'ComplianceCheckItem',
      originId: item.id,
      batchId: round.id,
      category: item.system,
      severity: item.result === 'FAIL' ? FindingSeverity.MAJOR : FindingSeverity.GENERAL,
      description: `【${def.code}】${def.title}：${RESULT_NAMES[item.result!]}${item.note ? `。${item.note}` : ''}${summary}`,
      legalBasis: def.legalBasis ?? checklist.template.basis?.join('；') ?? null,
      evidence: {
        roundId: round.id,
        itemCode: item.itemCode,
        system: item.system,
        result: item.result,
        screenResult: item.screenResult,
        overrideReason: item.overrideReason,
        failingCases: failures.slice(0, FINDING_EVIDENCE_CASES),
        failingOmitted: Math.max(0, failures.length - FINDING_EVIDENCE_CASES) + item.screenFailuresOmitted,
        files: files.filter((f) => f.checkItemId === item.id).map((f) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType })),
      },
      dedupKey: `THREE_SYSTEMS:${round.id}:${check.departmentId}:${item.itemCode}`,
    };
  });
}
