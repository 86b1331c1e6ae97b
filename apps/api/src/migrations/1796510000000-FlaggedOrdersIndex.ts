import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff's "only flagged" order list, newest first, without reading every order. */
export class FlaggedOrdersIndex1796510000000 implements MigrationInterface {
  name = 'FlaggedOrdersIndex1796510000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_orders_flagged_placed" ON "orders" ("placed_at", "id") WHERE flag_reason IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_orders_flagged_placed"`);
  }
}
