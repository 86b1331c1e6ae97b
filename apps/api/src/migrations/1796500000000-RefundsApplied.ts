import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a refund was applied to its seller order (posted, counted, on the timeline): a refund is
 * recorded first and finished after Stripe answers, by the request or, after a crash, by its job.
 * Refunds made before this have their REFUND posting, which says when.
 */
export class RefundsApplied1796500000000 implements MigrationInterface {
  name = 'RefundsApplied1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refunds" ADD "applied_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "refunds" r SET "applied_at" = t."created_at" FROM "ledger_transactions" t WHERE t."refund_id" = r."id" AND t."cause" = 'REFUND'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refunds" DROP COLUMN "applied_at"`);
  }
}
