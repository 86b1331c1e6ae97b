import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The impact module: offline sales (self-reported) with their monthly rollup kept by a trigger, the
 * follow-up surveys at 3/6/12 months, UPPKA groups and their members, and report exports (also the
 * log of who exported what).
 */
export class Impact1796350000000 implements MigrationInterface {
    name = 'Impact1796350000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."export_format" AS ENUM('CSV', 'XLSX', 'PDF')`);
        await queryRunner.query(`CREATE TYPE "public"."export_status" AS ENUM('QUEUED', 'RUNNING', 'READY', 'FAILED')`);
        await queryRunner.query(`CREATE TABLE "impact_exports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "requested_by_user_id" uuid NOT NULL, "requested_by_name" character varying NOT NULL, "format" "public"."export_format" NOT NULL, "filter" jsonb NOT NULL, "with_names" boolean NOT NULL, "status" "public"."export_status" NOT NULL DEFAULT 'QUEUED', "progress" integer NOT NULL DEFAULT '0', "file_key" character varying, "file_name" character varying, "byte_size" integer, "failure_reason" text, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fd329ef20cc79c2cebac3af33c7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_impact_exports_requester_created" ON "impact_exports"  ("requested_by_user_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "offline_sales_monthly" ("seller_id" uuid NOT NULL, "month" character varying(7) NOT NULL, "amount_idr" bigint NOT NULL, "sales" integer NOT NULL, CONSTRAINT "pk_offline_sales_monthly" PRIMARY KEY ("seller_id", "month"))`);
        await queryRunner.query(`CREATE TYPE "public"."offline_sale_channel" AS ENUM('PASAR', 'PAMERAN_BAZAR', 'TITIP_TOKO', 'PESANAN_LANGSUNG')`);
        await queryRunner.query(`CREATE TABLE "offline_sales" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "seller_id" uuid NOT NULL, "sold_on" date NOT NULL, "amount_idr" bigint NOT NULL, "channel" "public"."offline_sale_channel" NOT NULL, "note" text, "recorded_by_user_id" uuid, "recorded_by_name" character varying NOT NULL, "on_behalf" boolean NOT NULL DEFAULT false, "is_demo" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_9b2bb07137090a6df86d83e1f31" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_offline_sales_seller_sold_on" ON "offline_sales"  ("seller_id", "sold_on") `);
        await queryRunner.query(`CREATE TABLE "survey_tasks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "roster_entry_id" uuid NOT NULL, "training_program_id" uuid NOT NULL, "kampung_id" uuid NOT NULL, "wave" integer NOT NULL, "due_on" date NOT NULL, "monthly_income_idr" bigint, "answered_at" TIMESTAMP WITH TIME ZONE, "answered_by_user_id" uuid, "answered_by_name" character varying, "on_behalf" boolean NOT NULL DEFAULT false, "note" text, "is_demo" boolean NOT NULL DEFAULT false, CONSTRAINT "uq_survey_tasks_roster_wave" UNIQUE ("roster_entry_id", "wave"), CONSTRAINT "PK_46f06c9d35182b7f5afe2f78b93" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_22a0215772329e8cd55a2ec86d" ON "survey_tasks"  ("training_program_id") `);
        await queryRunner.query(`CREATE INDEX "idx_survey_tasks_kampung_due" ON "survey_tasks"  ("kampung_id", "due_on") `);
        await queryRunner.query(`CREATE TABLE "uppka_groups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kampung_id" uuid NOT NULL, "name" character varying NOT NULL, "description" text, CONSTRAINT "uq_uppka_groups_kampung_name" UNIQUE ("kampung_id", "name"), CONSTRAINT "PK_51024e44298a8e47eaef16ac8f3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_03a22aabb8c37c5cddfe726240" ON "uppka_groups"  ("kampung_id") `);
        await queryRunner.query(`CREATE TABLE "uppka_members" ("group_id" uuid NOT NULL, "seller_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e93f709a007d4eb7c72eb9b704b" PRIMARY KEY ("group_id", "seller_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_47d3a0ea81b35c002dc51745c4" ON "uppka_members"  ("seller_id") `);
        await queryRunner.query(`ALTER TABLE "offline_sales" ADD CONSTRAINT "FK_59f58a2fce1da96a2bfd848c66c" FOREIGN KEY ("seller_id") REFERENCES "sellers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "survey_tasks" ADD CONSTRAINT "FK_b93006c10ac1e001e26e91badb6" FOREIGN KEY ("roster_entry_id") REFERENCES "roster_entries"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "uppka_groups" ADD CONSTRAINT "FK_03a22aabb8c37c5cddfe7262403" FOREIGN KEY ("kampung_id") REFERENCES "kampungs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "uppka_members" ADD CONSTRAINT "FK_72542e6b6bb3b25f96ac75037b9" FOREIGN KEY ("group_id") REFERENCES "uppka_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "uppka_members" ADD CONSTRAINT "FK_47d3a0ea81b35c002dc51745c4e" FOREIGN KEY ("seller_id") REFERENCES "sellers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        // The monthly rollup follows every write to offline_sales, in the writer's transaction.
        await queryRunner.query(`
          CREATE FUNCTION offline_sales_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF TG_OP <> 'INSERT' THEN
              UPDATE offline_sales_monthly SET amount_idr = amount_idr - OLD.amount_idr, sales = sales - 1
               WHERE seller_id = OLD.seller_id AND month = to_char(OLD.sold_on, 'YYYY-MM');
              DELETE FROM offline_sales_monthly WHERE seller_id = OLD.seller_id AND month = to_char(OLD.sold_on, 'YYYY-MM') AND sales = 0;
            END IF;
            IF TG_OP <> 'DELETE' THEN
              INSERT INTO offline_sales_monthly AS m (seller_id, month, amount_idr, sales) VALUES (NEW.seller_id, to_char(NEW.sold_on, 'YYYY-MM'), NEW.amount_idr, 1)
              ON CONFLICT (seller_id, month) DO UPDATE SET amount_idr = m.amount_idr + EXCLUDED.amount_idr, sales = m.sales + 1;
            END IF;
            RETURN NULL;
          END $$`);
        await queryRunner.query(`CREATE TRIGGER offline_sales_rollup AFTER INSERT OR DELETE OR UPDATE OF seller_id, sold_on, amount_idr ON offline_sales FOR EACH ROW EXECUTE FUNCTION offline_sales_rollup()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER offline_sales_rollup ON offline_sales`);
        await queryRunner.query(`DROP FUNCTION offline_sales_rollup()`);
        await queryRunner.query(`ALTER TABLE "uppka_members" DROP CONSTRAINT "FK_47d3a0ea81b35c002dc51745c4e"`);
        await queryRunner.query(`ALTER TABLE "uppka_members" DROP CONSTRAINT "FK_72542e6b6bb3b25f96ac75037b9"`);
        await queryRunner.query(`ALTER TABLE "uppka_groups" DROP CONSTRAINT "FK_03a22aabb8c37c5cddfe7262403"`);
        await queryRunner.query(`ALTER TABLE "survey_tasks" DROP CONSTRAINT "FK_b93006c10ac1e001e26e91badb6"`);
        await queryRunner.query(`ALTER TABLE "offline_sales" DROP CONSTRAINT "FK_59f58a2fce1da96a2bfd848c66c"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_47d3a0ea81b35c002dc51745c4"`);
        await queryRunner.query(`DROP TABLE "uppka_members"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_03a22aabb8c37c5cddfe726240"`);
        await queryRunner.query(`DROP TABLE "uppka_groups"`);
        await queryRunner.query(`DROP INDEX "public"."idx_survey_tasks_kampung_due"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_22a0215772329e8cd55a2ec86d"`);
        await queryRunner.query(`DROP TABLE "survey_tasks"`);
        await queryRunner.query(`DROP INDEX "public"."idx_offline_sales_seller_sold_on"`);
        await queryRunner.query(`DROP TABLE "offline_sales"`);
        await queryRunner.query(`DROP TYPE "public"."offline_sale_channel"`);
        await queryRunner.query(`DROP TABLE "offline_sales_monthly"`);
        await queryRunner.query(`DROP INDEX "public"."idx_impact_exports_requester_created"`);
        await queryRunner.query(`DROP TABLE "impact_exports"`);
        await queryRunner.query(`DROP TYPE "public"."export_status"`);
        await queryRunner.query(`DROP TYPE "public"."export_format"`);
    }

}
