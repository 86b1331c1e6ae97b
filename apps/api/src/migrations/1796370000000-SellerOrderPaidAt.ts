import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each seller order's money came in (card or transfer: its order's payment; COD: its cash), kept
 * on the seller order with an index, instead of being derived for every seller order at each read; and
 * the buyers' reach per seller, WITA month and province, counted when the money comes in, so the impact
 * report reads a few hundred rollup rows instead of every paid order. Both are filled from the orders.
 */
export class SellerOrderPaidAt1796370000000 implements MigrationInterface {
  name = 'SellerOrderPaidAt1796370000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "seller_orders" ADD "paid_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`
      UPDATE "seller_orders" s SET "paid_at" = CASE WHEN o.payment_method = 'COD' THEN s.cash_collected_at ELSE o.paid_at END
      FROM "orders" o
      WHERE o.id = s.order_id
        AND CASE WHEN o.payment_method = 'COD' THEN s.cash_collected_at IS NOT NULL ELSE o.paid_at IS NOT NULL AND (s.cancelled_at IS NULL OR s.cancelled_at >= o.paid_at) END`);
    await queryRunner.query(`CREATE INDEX "idx_seller_orders_seller_paid" ON "seller_orders" ("seller_id", "paid_at", "id") WHERE "paid_at" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "idx_seller_orders_paid_at" ON "seller_orders" ("paid_at") WHERE "paid_at" IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE "seller_reach_monthly" (
        "seller_id" uuid NOT NULL,
        "month" date NOT NULL,
        "province" text NOT NULL,
        "orders" integer NOT NULL,
        PRIMARY KEY ("seller_id", "month", "province")
      )`);
    await queryRunner.query(`ALTER TABLE "seller_reach_monthly" ADD CONSTRAINT "FK_54a00a31608004245bab21001a2" FOREIGN KEY ("seller_id") REFERENCES "sellers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`
      INSERT INTO "seller_reach_monthly" ("seller_id", "month", "province", "orders")
      SELECT s.seller_id, date_trunc('month', s.paid_at AT TIME ZONE 'Asia/Makassar')::date, o.province, count(*)::int
      FROM "seller_orders" s JOIN "orders" o ON o.id = s.order_id WHERE s.paid_at IS NOT NULL GROUP BY 1, 2, 3`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "seller_reach_monthly"`);
    await queryRunner.query(`DROP INDEX "idx_seller_orders_paid_at"`);
    await queryRunner.query(`DROP INDEX "idx_seller_orders_seller_paid"`);
    await queryRunner.query(`ALTER TABLE "seller_orders" DROP COLUMN "paid_at"`);
  }
}
