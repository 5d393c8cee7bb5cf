import { Injectable } from '@nestjs/common';
import { DomainException, pageWindow, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import { InspectorDirectory } from '@ducha/org';
import { enforceRunsCampaign, loadCampaign, requireId } from './campaign-access.js';
import { DrawService } from './draw.service.js';
import { ReviewFileEntity, ReviewFileStatus } from './entities/review-file.entity.js';
import { SheetKind } from './entities/score-sheet.entity.js';
import type { RecheckItem, ReviewAssignment, ReviewerOption } from './models/assignment.models.js';

/** The rule named when a candidate already scores the file (reassignment and re-check both refuse them). */
export const ALREADY_REVIEWING = 'ALREADY_REVIEWING';

const FILE_LABELS = `cf.file_no AS "fileNo", unit.name AS "departmentName", f.case_type AS "caseType"`;
const FILE_JOINS = `JOIN case_file cf ON cf.id = f.case_file_id JOIN unit ON unit.id = f.department_id`;

/**
 * What the people running a campaign need to steer it: who scores which file, which inspectors
 * may take a file (and which rule blocks the others), and the files waiting for a re-check.
 */
@Injectable()
export class AssignmentQueryService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly draws: DrawService,
    private readonly inspectors: InspectorDirectory,
  ) {}

  async assignments(
    actor: Actor,
    campaignId: string,
    page: { page?: number; pageSize?: number },
  ): Promise<{ items: ReviewAssignment[]; total: number }> {
    const m = this.tx.manager;
    enforceRunsCampaign(actor, await loadCampaign(m, campaignId));
    const { skip, take } = pageWindow(page);
    const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM score_sheet WHERE campaign_id = $1`, [campaignId]);
    const items: ReviewAssignment[] = await m.query(
      `SELECT s.id AS "sheetId", s.review_file_id AS "reviewFileId", ${FILE_LABELS},
              s.reviewer_id AS "reviewerId", u.display_name AS "reviewerName", s.kind, s.status
         FROM score_sheet s JOIN review_file f ON f.id = s.review_file_id ${FILE_JOINS} JOIN app_user u ON u.id = s.reviewer_id
        WHERE s.campaign_id = $1
        ORDER BY unit.name, cf.file_no, s.kind, u.display_name OFFSET $2 LIMIT $3`,
      [campaignId, skip, take],
    );
    return { items, total };
  }

  /** Every inspector of the caller's region as a candidate for one file, allowed or refused with the rule. */
  async options(actor: Actor, reviewFileId: string): Promise<ReviewerOption[]> {
    requireId(reviewFileId, 'ReviewFile');
    const m = this.tx.manager;
    const file = await m.findOneBy(ReviewFileEntity, { id: reviewFileId });
    if (!file) throw DomainException.notFound('ReviewFile', reviewFileId);
    enforceRunsCampaign(actor, await loadCampaign(m, file.campaignId));
    const candidates = await this.inspectors.list(actor);
    const profiles = await this.draws.reviewerProfiles(
      actor,
      candidates.map((c) => c.id),
    );
    const scoring: { reviewer_id: string }[] = await m.query(
      `SELECT reviewer_id FROM score_sheet WHERE review_file_id = $1 AND kind = $2`,
      [reviewFileId, SheetKind.INITIAL],
    );
    const busy = new Set(scoring.map((s) => s.reviewer_id));
    const { officersOf, paths } = await this.draws.fileFacts(m, [file]);
    const facts = { departmentId: file.departmentId, officers: officersOf.get(file.caseFileId) ?? [] };
    return candidates.map((c) => {
      const decision = busy.has(c.id)
        ? { allowed: false, rule: ALREADY_REVIEWING, reason: 'already scores this file' }
        : DrawService.eligibility(profiles.get(c.id), facts, paths.get(file.departmentId)?.path ?? '');
      return { reviewerId: c.id, displayName: c.displayName, unitName: c.unitName, ...decision };
    });
  }

  /**
   * Files waiting for a re-check: those of campaigns the caller runs (inspectors of the campaign's
   * region), and those whose re-check the caller was given.
   */
  async recheckQueue(actor: Actor, page: { page?: number; pageSize?: number }): Promise<{ items: RecheckItem[]; total: number }> {
    const m = this.tx.manager;
    const { skip, take } = pageWindow(page);
    const runs = actor.roles.includes(Role.INSPECTOR);
    const where = `f.status = $1 AND (($2 AND c.region_path LIKE $3) OR EXISTS (
        SELECT 1 FROM score_sheet mine WHERE mine.review_file_id = f.id AND mine.kind = $4 AND mine.reviewer_id = $5))`;
    const params = [ReviewFileStatus.RECHECK, runs, `${actor.regionPath}%`, SheetKind.RECHECK, actor.userId];
    const [{ total }] = await m.query(
      `SELECT count(*)::int AS total FROM review_file f JOIN review_campaign c ON c.id = f.campaign_id WHERE ${where}`,
      params,
    );
    const rows: (Omit<RecheckItem, 'initialScores' | 'initialGrades'> & { regionPath: string })[] = await m.query(
      `SELECT f.id AS "reviewFileId", c.id AS "campaignId", c.name AS "campaignName", c.region_path AS "regionPath", ${FILE_LABELS},
              r.id AS "recheckSheetId", r.reviewer_id AS "recheckReviewerId", ru.display_name AS "recheckReviewerName"
         FROM review_file f JOIN review_campaign c ON c.id = f.campaign_id ${FILE_JOINS}
         LEFT JOIN score_sheet r ON r.review_file_id = f.id AND r.kind = $4
         LEFT JOIN app_user ru ON ru.id = r.reviewer_id
        WHERE ${where}
        ORDER BY c.created_at DESC, cf.file_no OFFSET $6 LIMIT $7`,
      [...params, skip, take],
    );
    const initial: { review_file_id: string; score: string; grade: string }[] = rows.length
      ? await m.query(
          `SELECT review_file_id, score, grade FROM score_sheet WHERE review_file_id = ANY($1::uuid[]) AND kind = $2 ORDER BY submitted_at`,
          [rows.map((r) => r.reviewFileId), SheetKind.INITIAL],
        )
      : [];
    const items = rows.map(({ regionPath, ...row }) => {
      const sheets = initial.filter((s) => s.review_file_id === row.reviewFileId);
      return {
        ...row,
        initialScores: sheets.map((s) => Number(s.score)),
        initialGrades: sheets.map((s) => s.grade),
        canAssign: runs && regionPath.startsWith(actor.regionPath),
      };
    });
    return { items, total };
  }
}
