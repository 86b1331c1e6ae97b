import { MigrationInterface, QueryRunner } from "typeorm";

export class CohortRosters1795832066132 implements MigrationInterface {
    name = 'CohortRosters1795832066132'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "roster_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "training_program_id" uuid NOT NULL, "name" character varying NOT NULL, "phone" character varying NOT NULL, "kampung_id" uuid NOT NULL, "baseline_monthly_income_idr" bigint NOT NULL, CONSTRAINT "uq_roster_entries_program_phone" UNIQUE ("training_program_id", "phone"), CONSTRAINT "PK_c4b86b75e6d6856f877517ef8d1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_7e6248419b5ff0f8d96399f595" ON "roster_entries"  ("phone") `);
        await queryRunner.query(`ALTER TABLE "roster_entries" ADD CONSTRAINT "FK_12ce653e9c3561f2358a8b0027a" FOREIGN KEY ("training_program_id") REFERENCES "training_programs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "roster_entries" ADD CONSTRAINT "FK_2270b949e2cd2e8754f5c556f0f" FOREIGN KEY ("kampung_id") REFERENCES "kampungs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "roster_entries" DROP CONSTRAINT "FK_2270b949e2cd2e8754f5c556f0f"`);
        await queryRunner.query(`ALTER TABLE "roster_entries" DROP CONSTRAINT "FK_12ce653e9c3561f2358a8b0027a"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_7e6248419b5ff0f8d96399f595"`);
        await queryRunner.query(`DROP TABLE "roster_entries"`);
    }

}
