import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A bank transfer's unique code is posted to the ledger (the platform's), so the bank clearing account matches the statement. */
export class TransferCodeLedger1796380000000 implements MigrationInterface {
  name = 'TransferCodeLedger1796380000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."ledger_account_kind" ADD VALUE 'TRANSFER_CODE_REVENUE'`);
    await queryRunner.query(`ALTER TYPE "public"."ledger_cause" ADD VALUE 'TRANSFER_CODE'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The ledger is append-only: once a code is posted, there is no going back to a schema without it.
    const [posted] = await queryRunner.query(`SELECT EXISTS (SELECT 1 FROM "ledger_transactions" WHERE "cause" = 'TRANSFER_CODE') AS any`);
    if (posted.any) throw new Error('Transfer codes are posted in the ledger (append-only): this migration cannot be undone');
    await queryRunner.query(`DELETE FROM "ledger_accounts" WHERE "kind" = 'TRANSFER_CODE_REVENUE'`);
    await queryRunner.query(`ALTER TYPE "public"."ledger_cause" RENAME TO "ledger_cause_old"`);
    await queryRunner.query(`CREATE TYPE "public"."ledger_cause" AS ENUM('ORDER_PAID', 'DELIVERY_RELEASE', 'REFUND', 'REFUND_SENT', 'COD_REMITTED', 'PAYOUT_RESERVED', 'PAYOUT_CANCELLED', 'PAYOUT_SENT', 'PAYOUT_RETURNED', 'ADJUSTMENT')`);
    await queryRunner.query(`ALTER TABLE "ledger_transactions" ALTER COLUMN "cause" TYPE "public"."ledger_cause" USING "cause"::text::"public"."ledger_cause"`);
    await queryRunner.query(`DROP TYPE "public"."ledger_cause_old"`);
    await queryRunner.query(`ALTER TYPE "public"."ledger_account_kind" RENAME TO "ledger_account_kind_old"`);
    await queryRunner.query(`CREATE TYPE "public"."ledger_account_kind" AS ENUM('SELLER_PENDING', 'SELLER_AVAILABLE', 'SELLER_IN_PAYOUT', 'COMMISSION_REVENUE', 'SHIPPING_PAYABLE', 'REFUNDS_PAYABLE', 'PAYMENT_CLEARING', 'COD_CASH', 'PAYOUT_CLEARING')`);
    await queryRunner.query(`ALTER TABLE "ledger_accounts" ALTER COLUMN "kind" TYPE "public"."ledger_account_kind" USING "kind"::text::"public"."ledger_account_kind"`);
    await queryRunner.query(`DROP TYPE "public"."ledger_account_kind_old"`);
  }
}
