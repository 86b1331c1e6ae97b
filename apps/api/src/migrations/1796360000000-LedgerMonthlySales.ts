import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger's monthly rollup also counts her paid sales (ORDER_PAID postings) and keeps the last one's
 * time, so the impact report reads order counts and "last sold" from it instead of scanning every paid
 * order; months already posted are filled from the journal.
 */
export class LedgerMonthlySales1796360000000 implements MigrationInterface {
  name = 'LedgerMonthlySales1796360000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ledger_monthly" ADD "sales_count" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "ledger_monthly" ADD "last_sale_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`
      UPDATE "ledger_monthly" m SET "sales_count" = t.sales, "last_sale_at" = t.last
      FROM (SELECT seller_id, date_trunc('month', occurred_at AT TIME ZONE 'Asia/Makassar')::date AS month, count(*)::int AS sales, max(occurred_at) AS last
            FROM "ledger_transactions" WHERE cause = 'ORDER_PAID' AND seller_id IS NOT NULL GROUP BY 1, 2) t
      WHERE m.seller_id = t.seller_id AND m.month = t.month`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ledger_monthly" DROP COLUMN "last_sale_at"`);
    await queryRunner.query(`ALTER TABLE "ledger_monthly" DROP COLUMN "sales_count"`);
  }
}
