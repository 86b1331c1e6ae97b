import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A card refund the card's bank turns down after Stripe accepted it: why and when, and its reversal in the ledger. */
export class RefundFailures1796400000000 implements MigrationInterface {
  name = 'RefundFailures1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refunds" ADD "failure_reason" character varying`);
    await queryRunner.query(`ALTER TABLE "refunds" ADD "failed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TYPE "public"."ledger_cause" ADD VALUE 'REFUND_FAILED'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The ledger is append-only: once a failed refund is reversed in it, there is no going back to a schema without it.
    const [posted] = await queryRunner.query(`SELECT EXISTS (SELECT 1 FROM "ledger_transactions" WHERE "cause" = 'REFUND_FAILED') AS any`);
    if (posted.any) throw new Error('Failed refunds are reversed in the ledger (append-only): this migration cannot be undone');
    await queryRunner.query(`ALTER TYPE "public"."ledger_cause" RENAME TO "ledger_cause_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."ledger_cause" AS ENUM('ORDER_PAID', 'DELIVERY_RELEASE', 'REFUND', 'REFUND_SENT', 'COD_REMITTED', 'PAYOUT_RESERVED', 'PAYOUT_CANCELLED', 'PAYOUT_SENT', 'PAYOUT_RETURNED', 'ADJUSTMENT', 'TRANSFER_CODE')`,
    );
    await queryRunner.query(`ALTER TABLE "ledger_transactions" ALTER COLUMN "cause" TYPE "public"."ledger_cause" USING "cause"::text::"public"."ledger_cause"`);
    await queryRunner.query(`DROP TYPE "public"."ledger_cause_old"`);
    await queryRunner.query(`ALTER TABLE "refunds" DROP COLUMN "failed_at"`);
    await queryRunner.query(`ALTER TABLE "refunds" DROP COLUMN "failure_reason"`);
  }
}
