import { MigrationInterface, QueryRunner } from "typeorm";

export class CatalogSchema1795829626359 implements MigrationInterface {
    name = 'CatalogSchema1795829626359'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."kampung_status" AS ENUM('ACTIVE', 'TARGET')`);
        await queryRunner.query(`CREATE TABLE "kampungs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying NOT NULL, "slug" character varying NOT NULL, "kelurahan" character varying NOT NULL, "kecamatan" character varying NOT NULL, "kemendagri_code" character varying NOT NULL, "status" "public"."kampung_status" NOT NULL, "description" text, CONSTRAINT "PK_5192a4496a6fba5625012ae88c6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5dd55530a7cee9e87cb88b849a" ON "kampungs"  ("slug") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_46e6bd4d0bbb87e24d2539b781" ON "kampungs"  ("kemendagri_code") `);
        await queryRunner.query(`CREATE TYPE "public"."training_skill" AS ENUM('BATIK', 'BAG')`);
        await queryRunner.query(`CREATE TABLE "training_programs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "slug" character varying NOT NULL, "title" character varying NOT NULL, "skill" "public"."training_skill" NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "days" integer NOT NULL, "budget_idr" bigint NOT NULL, "provider" character varying NOT NULL, "participant_count" integer NOT NULL, "location" character varying NOT NULL, "description" text NOT NULL, CONSTRAINT "PK_d2f7c8d9677739e09110067656a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b8ee99f248d7efa8e246bccdca" ON "training_programs"  ("slug") `);
        await queryRunner.query(`CREATE TABLE "sellers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "display_name" character varying NOT NULL, "slug" character varying NOT NULL, "kampung_id" uuid NOT NULL, "story" text NOT NULL, "whatsapp_number" character varying NOT NULL, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL, "is_demo" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_97337ccbf692c58e6c7682de8a2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7c435f9b7cb9b6fbed07feee0a" ON "sellers"  ("slug") `);
        await queryRunner.query(`CREATE INDEX "IDX_fbdd8983d04be14ac0a3f76f30" ON "sellers"  ("kampung_id") `);
        await queryRunner.query(`CREATE TABLE "training_enrollments" ("training_program_id" uuid NOT NULL, "seller_id" uuid NOT NULL, "enrolled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1f97885ba22702fb38d3ae73993" PRIMARY KEY ("training_program_id", "seller_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_08dc594cd391ccbcdeb7cd7156" ON "training_enrollments"  ("seller_id") `);
        await queryRunner.query(`CREATE TABLE "motifs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "slug" character varying NOT NULL, "name" character varying NOT NULL, "story" text, CONSTRAINT "PK_e7daf2ff4958ff0b60399c9a1ac" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b6897017612f2bfaac3fded34f" ON "motifs"  ("slug") `);
        await queryRunner.query(`CREATE TYPE "public"."product_category" AS ENUM('KAIN_BATIK', 'PAKAIAN', 'SELENDANG', 'TAPLAK', 'TAS', 'AKSESORIS')`);
        await queryRunner.query(`CREATE TYPE "public"."batik_technique" AS ENUM('TULIS', 'CAP', 'KOMBINASI', 'PRINTING')`);
        await queryRunner.query(`CREATE TYPE "public"."dye_type" AS ENUM('NATURAL', 'SYNTHETIC')`);
        await queryRunner.query(`CREATE TYPE "public"."product_status" AS ENUM('DRAFT', 'ACTIVE', 'ARCHIVED')`);
        await queryRunner.query(`CREATE TABLE "products" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "seller_id" uuid NOT NULL, "slug" character varying NOT NULL, "title" character varying NOT NULL, "description" text NOT NULL, "category" "public"."product_category" NOT NULL, "technique" "public"."batik_technique", "motif_id" uuid, "material" character varying NOT NULL, "dye" "public"."dye_type", "size" character varying, "weight_grams" integer NOT NULL, "price_idr" bigint NOT NULL, "stock" integer NOT NULL, "status" "public"."product_status" NOT NULL DEFAULT 'DRAFT', "search_text" text NOT NULL DEFAULT '', "search_vector" tsvector, CONSTRAINT "PK_0806c755e0aca124e67c0cf6d7d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_425ee27c69d6b8adc5d6475dcf" ON "products"  ("seller_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_464f927ae360106b783ed0b410" ON "products"  ("slug") `);
        await queryRunner.query(`CREATE INDEX "IDX_375a5a5d609cbccf00a4194454" ON "products"  ("motif_id") `);
        await queryRunner.query(`CREATE INDEX "idx_products_technique" ON "products"  ("technique") `);
        await queryRunner.query(`CREATE INDEX "idx_products_category" ON "products"  ("category") `);
        await queryRunner.query(`CREATE INDEX "idx_products_status_price" ON "products"  ("status", "price_idr", "id") `);
        await queryRunner.query(`CREATE INDEX "idx_products_status_created" ON "products"  ("status", "created_at", "id") `);
        await queryRunner.query(`CREATE TYPE "public"."photo_status" AS ENUM('PROCESSING', 'READY', 'FAILED')`);
        await queryRunner.query(`CREATE TABLE "product_photos" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "product_id" uuid NOT NULL, "position" integer NOT NULL, "original_key" character varying NOT NULL, "width" integer NOT NULL DEFAULT '0', "height" integer NOT NULL DEFAULT '0', "alt" character varying NOT NULL DEFAULT '', "status" "public"."photo_status" NOT NULL DEFAULT 'PROCESSING', "failure_reason" text, CONSTRAINT "PK_0586e8a3f1766827efaf0ee3943" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_product_photos_product_position" ON "product_photos"  ("product_id", "position") `);
        await queryRunner.query(`ALTER TABLE "sellers" ADD CONSTRAINT "FK_fbdd8983d04be14ac0a3f76f304" FOREIGN KEY ("kampung_id") REFERENCES "kampungs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "training_enrollments" ADD CONSTRAINT "FK_746b5967d7f57c2dd556f9b6700" FOREIGN KEY ("training_program_id") REFERENCES "training_programs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "training_enrollments" ADD CONSTRAINT "FK_08dc594cd391ccbcdeb7cd71569" FOREIGN KEY ("seller_id") REFERENCES "sellers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "products" ADD CONSTRAINT "FK_425ee27c69d6b8adc5d6475dcfe" FOREIGN KEY ("seller_id") REFERENCES "sellers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "products" ADD CONSTRAINT "FK_375a5a5d609cbccf00a4194454e" FOREIGN KEY ("motif_id") REFERENCES "motifs"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "product_photos" ADD CONSTRAINT "FK_ef0be6cd13fe604b1e7ae5987b8" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "product_photos" DROP CONSTRAINT "FK_ef0be6cd13fe604b1e7ae5987b8"`);
        await queryRunner.query(`ALTER TABLE "products" DROP CONSTRAINT "FK_375a5a5d609cbccf00a4194454e"`);
        await queryRunner.query(`ALTER TABLE "products" DROP CONSTRAINT "FK_425ee27c69d6b8adc5d6475dcfe"`);
        await queryRunner.query(`ALTER TABLE "training_enrollments" DROP CONSTRAINT "FK_08dc594cd391ccbcdeb7cd71569"`);
        await queryRunner.query(`ALTER TABLE "training_enrollments" DROP CONSTRAINT "FK_746b5967d7f57c2dd556f9b6700"`);
        await queryRunner.query(`ALTER TABLE "sellers" DROP CONSTRAINT "FK_fbdd8983d04be14ac0a3f76f304"`);
        await queryRunner.query(`DROP INDEX "public"."idx_product_photos_product_position"`);
        await queryRunner.query(`DROP TABLE "product_photos"`);
        await queryRunner.query(`DROP TYPE "public"."photo_status"`);
        await queryRunner.query(`DROP INDEX "public"."idx_products_status_created"`);
        await queryRunner.query(`DROP INDEX "public"."idx_products_status_price"`);
        await queryRunner.query(`DROP INDEX "public"."idx_products_category"`);
        await queryRunner.query(`DROP INDEX "public"."idx_products_technique"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_375a5a5d609cbccf00a4194454"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_464f927ae360106b783ed0b410"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_425ee27c69d6b8adc5d6475dcf"`);
        await queryRunner.query(`DROP TABLE "products"`);
        await queryRunner.query(`DROP TYPE "public"."product_status"`);
        await queryRunner.query(`DROP TYPE "public"."dye_type"`);
        await queryRunner.query(`DROP TYPE "public"."batik_technique"`);
        await queryRunner.query(`DROP TYPE "public"."product_category"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b6897017612f2bfaac3fded34f"`);
        await queryRunner.query(`DROP TABLE "motifs"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_08dc594cd391ccbcdeb7cd7156"`);
        await queryRunner.query(`DROP TABLE "training_enrollments"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_fbdd8983d04be14ac0a3f76f30"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_7c435f9b7cb9b6fbed07feee0a"`);
        await queryRunner.query(`DROP TABLE "sellers"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b8ee99f248d7efa8e246bccdca"`);
        await queryRunner.query(`DROP TABLE "training_programs"`);
        await queryRunner.query(`DROP TYPE "public"."training_skill"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_46e6bd4d0bbb87e24d2539b781"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_5dd55530a7cee9e87cb88b849a"`);
        await queryRunner.query(`DROP TABLE "kampungs"`);
        await queryRunner.query(`DROP TYPE "public"."kampung_status"`);
    }

}
