import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff's list of refunds not finished yet, the oldest first, without reading every refund. */
export class RefundsInProgressIndex1796520000000 implements MigrationInterface {
  name = 'RefundsInProgressIndex1796520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_refunds_in_progress" ON "refunds" ("created_at", "id") WHERE (status = 'PENDING' OR (status = 'SUCCEEDED' AND applied_at IS NULL))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_refunds_in_progress"`);
  }
}
