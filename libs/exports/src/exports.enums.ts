import { registerEnumType } from '@nestjs/graphql';

/** Every file ducha exports as a job; ExportBuilders says what each needs and how it is built. */
export enum ExportKind {
  /** A review campaign's bulletin (.docx). */
  REVIEW_BULLETIN = 'REVIEW_BULLETIN',
  /** A review campaign's results (.xlsx). */
  REVIEW_RESULTS = 'REVIEW_RESULTS',
  /** A three-systems round's results (.xlsx). */
  COMPLIANCE_RESULTS = 'COMPLIANCE_RESULTS',
  /** A three-systems round's bulletin (.docx). */
  COMPLIANCE_BULLETIN = 'COMPLIANCE_BULLETIN',
  /** An assessment period's results (.xlsx). */
  ASSESSMENT_RESULTS = 'ASSESSMENT_RESULTS',
  /** An assessment period's report (.docx). */
  ASSESSMENT_REPORT = 'ASSESSMENT_REPORT',
  /** A rectification task's notice (.docx). */
  RECTIFICATION_NOTICE = 'RECTIFICATION_NOTICE',
  /** The rectification ledger with the ledger's filters (.xlsx). */
  RECTIFICATION_LEDGER = 'RECTIFICATION_LEDGER',
}

registerEnumType(ExportKind, { name: 'ExportKind' });

/** Where an export is: waiting for a worker, being built, ready to download, or refused or broken. */
export enum ExportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

registerEnumType(ExportStatus, { name: 'ExportStatus' });
