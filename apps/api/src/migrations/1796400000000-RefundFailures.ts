import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A card refund the card's bank turns down after Stripe accepted it: why and when, the ledger's cause
 * for the money then owed to the buyer by hand, and when finance sent it (with the transfer's reference).
 */
export class RefundFailures1796400000000 implements MigrationInterface {
  name = 'RefundFailures1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refunds" ADD "failure_reason" character varying`);
    await queryRunner.query(`ALTER TABLE "refunds" ADD "failed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "refunds" ADD "returned_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "refunds" ADD "return_reference" character varying`);
    await queryRunner.query(`CREATE INDEX "idx_refunds_owed_by_hand" ON "refunds" ("failed_at") WHERE failed_at IS NOT NULL AND returned_at IS NULL`);
    await queryRunner.query(`ALTER TYPE "public"."ledger_cause" ADD VALUE 'REFUND_FAILED'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The ledger is append-only: once a failed refund is posted in it, there is no going back to a schema without it.
    const [posted] = await queryRunner.query(`SELECT EXISTS (SELECT 1 FROM "ledger_transactions" WHERE "cause" = 'REFUND_FAILED') AS any`);
    if (posted.any) throw new Error('Failed refunds are reversed in the ledger (append-only): this migration cannot be undone');
    await queryRunner.query(`ALTER TYPE "public"."ledger_cause" RENAME TO "ledger_cause_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."ledger_cause" AS ENUM('ORDER_PAID', 'DELIVERY_RELEASE', 'REFUND', 'REFUND_SENT', 'COD_REMITTED', 'PAYOUT_RESERVED', 'PAYOUT_CANCELLED', 'PAYOUT_SENT', 'PAYOUT_RETURNED', 'ADJUSTMENT', 'TRANSFER_CODE')`,
    );
    await queryRunner.query(`ALTER TABLE "ledger_transactions" ALTER COLUMN "cause" TYPE "public"."ledger_cause" USING "cause"::text::"public"."ledger_cause"`);
    await queryRunner.query(`DROP TYPE "public"."ledger_cause_old"`);
    await queryRunner.query(`DROP INDEX "public"."idx_refunds_owed_by_hand"`);
    await queryRunner.query(`ALTER TABLE "refunds" DROP COLUMN "return_reference"`);
    await queryRunner.query(`ALTER TABLE "refunds" DROP COLUMN "returned_at"`);
    await queryRunner.query(`ALTER TABLE "refunds" DROP COLUMN "failed_at"`);
    await queryRunner.query(`ALTER TABLE "refunds" DROP COLUMN "failure_reason"`);
  }
}
