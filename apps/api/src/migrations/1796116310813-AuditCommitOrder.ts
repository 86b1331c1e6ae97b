import { MigrationInterface, QueryRunner } from "typeorm";

/** Her history in the order changes were written (a sequence under the row lock), not by transaction start. */
export class AuditCommitOrder1796116310813 implements MigrationInterface {
    name = 'AuditCommitOrder1796116310813'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "audit_entries" ADD "seq" bigint`);
        // The entries written so far keep the order they were shown in.
        await queryRunner.query(`UPDATE "audit_entries" e SET "seq" = o.n FROM (SELECT "id", row_number() OVER (ORDER BY "created_at", "id") AS n FROM "audit_entries") o WHERE o."id" = e."id"`);
        await queryRunner.query(`ALTER TABLE "audit_entries" ALTER COLUMN "seq" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "audit_entries" ALTER COLUMN "seq" ADD GENERATED ALWAYS AS IDENTITY`);
        await queryRunner.query(`SELECT setval(pg_get_serial_sequence('"audit_entries"', 'seq'), coalesce(max("seq"), 0) + 1, false) FROM "audit_entries"`);
        await queryRunner.query(`ALTER TABLE "audit_entries" ALTER COLUMN "created_at" SET DEFAULT clock_timestamp()`);
        await queryRunner.query(`DROP INDEX "public"."idx_audit_entries_seller_created"`);
        await queryRunner.query(`CREATE INDEX "idx_audit_entries_seller_seq" ON "audit_entries" ("seller_id", "seq") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_audit_entries_seller_seq"`);
        await queryRunner.query(`CREATE INDEX "idx_audit_entries_seller_created" ON "audit_entries" ("seller_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "audit_entries" ALTER COLUMN "created_at" SET DEFAULT now()`);
        await queryRunner.query(`ALTER TABLE "audit_entries" DROP COLUMN "seq"`);
    }

}
