import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each order line keeps the commission rate frozen when it was bought; lines placed before get the default rate then in force. */
export class OrderLineCommission1796340000000 implements MigrationInterface {
  name = 'OrderLineCommission1796340000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "order_lines" ADD "commission_rule_id" uuid`);
    await queryRunner.query(`ALTER TABLE "order_lines" ADD "commission_rate_basis_points" integer`);
    await queryRunner.query(`ALTER TABLE "order_lines" ADD "commission_floor_idr" bigint`);
    await queryRunner.query(`ALTER TABLE "order_lines" ADD "commission_cap_idr" bigint`);
    await queryRunner.query(`
      UPDATE "order_lines" l SET commission_rule_id = r.id, commission_rate_basis_points = r.rate_basis_points, commission_floor_idr = r.floor_idr, commission_cap_idr = r.cap_idr
      FROM (SELECT id, rate_basis_points, floor_idr, cap_idr FROM commission_rules WHERE scope = 'DEFAULT' AND active ORDER BY created_at LIMIT 1) r`);
    await queryRunner.query(`ALTER TABLE "order_lines" ALTER COLUMN "commission_rate_basis_points" SET NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "order_lines" DROP COLUMN "commission_cap_idr"`);
    await queryRunner.query(`ALTER TABLE "order_lines" DROP COLUMN "commission_floor_idr"`);
    await queryRunner.query(`ALTER TABLE "order_lines" DROP COLUMN "commission_rate_basis_points"`);
    await queryRunner.query(`ALTER TABLE "order_lines" DROP COLUMN "commission_rule_id"`);
  }
}
