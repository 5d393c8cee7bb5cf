import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseType, OnSiteCoercion, PartyKind, PenaltyKind } from './case-file.types.js';

const bigintAsNumber = { to: (v: number) => v, from: (v: string | null) => (v === null ? 0 : Number(v)) };

/**
 * One closed enforcement case (案卷). Table `case_file`, unique (department_id, file_no). Other
 * libs read it only through CaseFileService. Dates are `YYYY-MM-DD` strings; money in fen.
 * Screening columns: decision_date, disclosed_date, legal_review_* (submitted/finished/passed/extended),
 * major, hearing_held, on_site_coercion (null = none), av_recorded, av_filed,
 * officer_certificate_nos, party_kind, fine_fen, penalty_kinds.
 */
@Entity('case_file')
export class CaseFileEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) departmentId: string;
  @Column() fileNo: string;
  @Column({ type: 'text' }) caseType: CaseType;
  @Column() sector: string;
  @Column() cause: string;
  @Column() partyName: string;
  @Column({ type: 'text' }) partyKind: PartyKind;
  /** Full ID number / unified credit code: shown masked in lists (maskIdNo). */
  @Column() partyIdNo: string;
  @Column({ type: 'text', array: true }) officerCertificateNos: string[];
  @Column({ type: 'date' }) filedDate: string;
  @Column({ type: 'date', nullable: true }) decisionDate: string | null;
  @Column({ type: 'date', nullable: true }) disclosedDate: string | null;
  @Column({ type: 'date' }) closedDate: string;
  @Column({ type: 'date', nullable: true }) legalReviewSubmittedDate: string | null;
  @Column({ type: 'date', nullable: true }) legalReviewFinishedDate: string | null;
  @Column({ type: 'boolean', nullable: true }) legalReviewPassed: boolean | null;
  /** An approved extension of the review time limit (+3 working days). */
  @Column({ default: false }) legalReviewExtended: boolean;
  @Column({ type: 'text', array: true }) penaltyKinds: PenaltyKind[];
  @Column({ type: 'bigint', transformer: bigintAsNumber }) fineFen: number;
  @Column() major: boolean;
  @Column() hearingHeld: boolean;
  @Column({ type: 'text', nullable: true }) onSiteCoercion: OnSiteCoercion | null;
  @Column() avRecorded: boolean;
  @Column() avFiled: boolean;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
