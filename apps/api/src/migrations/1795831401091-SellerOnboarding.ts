import { MigrationInterface, QueryRunner } from "typeorm";

export class SellerOnboarding1795831401091 implements MigrationInterface {
    name = 'SellerOnboarding1795831401091'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "pendamping_assignments" ("user_id" uuid NOT NULL, "kampung_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a52e0dc55b91f7a683556e0d841" PRIMARY KEY ("user_id", "kampung_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_e5ae64a061ec8db7aa8254027b" ON "pendamping_assignments"  ("kampung_id") `);
        await queryRunner.query(`CREATE TABLE "audit_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_user_id" uuid NOT NULL, "actor_name" character varying NOT NULL, "seller_id" uuid, "on_behalf" boolean NOT NULL DEFAULT false, "action" character varying NOT NULL, "subject_type" character varying NOT NULL, "subject_id" uuid NOT NULL, "before" jsonb, "after" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_audit_entries_seller_created" ON "audit_entries"  ("seller_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "sellers" ADD "user_id" uuid`);
        await queryRunner.query(`CREATE TYPE "public"."seller_status" AS ENUM('PENDING', 'VERIFIED', 'REJECTED')`);
        await queryRunner.query(`ALTER TABLE "sellers" ADD "status" "public"."seller_status" NOT NULL DEFAULT 'PENDING'`);
        // Sellers from before onboarding existed were the trained participants: their shops stay open.
        await queryRunner.query(`UPDATE "sellers" SET "status" = 'VERIFIED'`);
        await queryRunner.query(`ALTER TABLE "sellers" ADD "applied_training_program_id" uuid`);
        await queryRunner.query(`ALTER TABLE "sellers" ADD "reviewed_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`UPDATE "sellers" SET "reviewed_at" = "joined_at"`);
        await queryRunner.query(`ALTER TABLE "sellers" ADD "reviewed_by_user_id" uuid`);
        await queryRunner.query(`ALTER TABLE "sellers" ADD "rejection_reason" text`);
        await queryRunner.query(`ALTER TABLE "products" ADD "hours_of_work" integer`);
        await queryRunner.query(`ALTER TABLE "products" ADD "made_on" date`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_4d9bec40948a69d8082d800d46" ON "sellers"  ("user_id") WHERE user_id IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_b99cb17a41a10ffa3d4d0481d7" ON "sellers"  ("status") `);
        await queryRunner.query(`ALTER TABLE "sellers" ADD CONSTRAINT "FK_83f4670f0e114d0be3731bade87" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sellers" ADD CONSTRAINT "FK_d9874e2887e1f8b816255a30169" FOREIGN KEY ("applied_training_program_id") REFERENCES "training_programs"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "pendamping_assignments" ADD CONSTRAINT "FK_f1b0ff7f6b8a7917df6c77d76b4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "pendamping_assignments" ADD CONSTRAINT "FK_e5ae64a061ec8db7aa8254027b5" FOREIGN KEY ("kampung_id") REFERENCES "kampungs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "pendamping_assignments" DROP CONSTRAINT "FK_e5ae64a061ec8db7aa8254027b5"`);
        await queryRunner.query(`ALTER TABLE "pendamping_assignments" DROP CONSTRAINT "FK_f1b0ff7f6b8a7917df6c77d76b4"`);
        await queryRunner.query(`ALTER TABLE "sellers" DROP CONSTRAINT "FK_d9874e2887e1f8b816255a30169"`);
        await queryRunner.query(`ALTER TABLE "sellers" DROP CONSTRAINT "FK_83f4670f0e114d0be3731bade87"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b99cb17a41a10ffa3d4d0481d7"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_4d9bec40948a69d8082d800d46"`);
        await queryRunner.query(`ALTER TABLE "products" DROP COLUMN "made_on"`);
        await queryRunner.query(`ALTER TABLE "products" DROP COLUMN "hours_of_work"`);
        await queryRunner.query(`ALTER TABLE "sellers" DROP COLUMN "rejection_reason"`);
        await queryRunner.query(`ALTER TABLE "sellers" DROP COLUMN "reviewed_by_user_id"`);
        await queryRunner.query(`ALTER TABLE "sellers" DROP COLUMN "reviewed_at"`);
        await queryRunner.query(`ALTER TABLE "sellers" DROP COLUMN "applied_training_program_id"`);
        await queryRunner.query(`ALTER TABLE "sellers" DROP COLUMN "status"`);
        await queryRunner.query(`DROP TYPE "public"."seller_status"`);
        await queryRunner.query(`ALTER TABLE "sellers" DROP COLUMN "user_id"`);
        await queryRunner.query(`DROP INDEX "public"."idx_audit_entries_seller_created"`);
        await queryRunner.query(`DROP TABLE "audit_entries"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e5ae64a061ec8db7aa8254027b"`);
        await queryRunner.query(`DROP TABLE "pendamping_assignments"`);
    }

}
