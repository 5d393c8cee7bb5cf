import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An approved extension of a case file's legal review (+3 working days on the 7-day limit). */
export class LegalReviewExtension1795400000101 implements MigrationInterface {
  name = 'LegalReviewExtension1795400000101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_file ADD COLUMN legal_review_extended boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_file DROP COLUMN legal_review_extended`);
  }
}
