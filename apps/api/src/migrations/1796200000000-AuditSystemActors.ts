import { MigrationInterface, QueryRunner } from "typeorm";

/** An audit entry names a person by her account or a system actor (a job, a webhook) by name: exactly one of them. */
export class AuditSystemActors1796200000000 implements MigrationInterface {
    name = 'AuditSystemActors1796200000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "audit_entries" ADD "actor_system" character varying`);
        await queryRunner.query(`ALTER TABLE "audit_entries" ALTER COLUMN "actor_user_id" DROP NOT NULL`);
        await queryRunner.query(`ALTER TABLE "audit_entries" ADD CONSTRAINT "chk_audit_entries_one_actor" CHECK (("actor_user_id" IS NULL) <> ("actor_system" IS NULL))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "audit_entries" DROP CONSTRAINT "chk_audit_entries_one_actor"`);
        await queryRunner.query(`DELETE FROM "audit_entries" WHERE "actor_user_id" IS NULL`);
        await queryRunner.query(`ALTER TABLE "audit_entries" ALTER COLUMN "actor_user_id" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "audit_entries" DROP COLUMN "actor_system"`);
    }

}
