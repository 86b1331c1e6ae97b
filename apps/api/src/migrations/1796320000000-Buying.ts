import { MigrationInterface, QueryRunner } from "typeorm";
import { loadAdministrativeAreas } from "../modules/addresses/area-data.js";

/** Per kg from Balikpapan: [zone, JNE REG, JNE YES, J&T EZ, SiCepat REG, POS Kilat] and days [min, max] of each. */
const COURIER_RATES: [string, number[], [number, number][]][] = [
  ["BALIKPAPAN", [10000, 18000, 9000, 9000, 8000], [[1, 2], [1, 1], [1, 2], [1, 2], [2, 3]]],
  ["KALTIM", [15000, 28000, 14000, 14000, 12000], [[2, 3], [1, 1], [2, 4], [2, 3], [3, 5]]],
  ["KALIMANTAN", [28000, 45000, 26000, 25000, 22000], [[3, 5], [1, 2], [3, 5], [3, 5], [4, 7]]],
  ["JAWA_BALI", [36000, 60000, 33000, 32000, 29000], [[3, 5], [1, 2], [3, 5], [3, 5], [4, 7]]],
  ["SUMATRA", [48000, 80000, 45000, 44000, 39000], [[4, 6], [2, 3], [4, 7], [4, 6], [5, 8]]],
  ["SULAWESI", [32000, 55000, 30000, 29000, 26000], [[3, 5], [1, 2], [3, 5], [3, 5], [4, 6]]],
  ["EASTERN_INDONESIA", [65000, 110000, 62000, 60000, 52000], [[5, 8], [2, 4], [5, 9], [5, 8], [6, 10]]],
];
const SERVICES: [courier: string, service: string, label: string][] = [["JNE", "REG", "JNE REG"], ["JNE", "YES", "JNE YES"], ["JNT", "EZ", "J&T EZ"], ["SICEPAT", "REG", "SiCepat REG"], ["POS", "KILAT", "POS Kilat Khusus"]];
/** Inside Balikpapan only: pickup at the seller's kampung (free) and the pendamping's delivery (flat fee). */
const LOCAL_DELIVERY_FEE_IDR = 15000;

/**
 * Buying: administrative areas (loaded from idn-area-data) and saved addresses, the shipping rate table
 * (with its built-in rows), carts, orders and seller orders with their lines and events, payments,
 * refunds and Stripe events; products learn COD and packed dimensions; the FINANCE role.
 */
export class Buying1796320000000 implements MigrationInterface {
    name = 'Buying1796320000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."area_level" AS ENUM('PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE')`);
        await queryRunner.query(`CREATE TABLE "administrative_areas" ("code" character varying NOT NULL, "parent_code" character varying, "level" "public"."area_level" NOT NULL, "name" character varying NOT NULL, CONSTRAINT "PK_c8caeb9a3f3f1c198af6e8615f1" PRIMARY KEY ("code"))`);
        await queryRunner.query(`CREATE INDEX "IDX_56c37caed9254834ad16dc2ba9" ON "administrative_areas"  ("parent_code") `);
        await queryRunner.query(`CREATE TABLE "saved_addresses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "label" character varying NOT NULL, "recipient_name" character varying NOT NULL, "phone" character varying NOT NULL, "village_code" character varying NOT NULL, "postal_code" character varying NOT NULL, "street" text NOT NULL, "is_default" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_2dcd5492d2ac696c133d461db8b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_ade7e74acf7fd9b7e487757a11" ON "saved_addresses"  ("user_id") `);
        await queryRunner.query(`CREATE TABLE "carts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid, CONSTRAINT "PK_b5f695a59f5ebb50af3c8160816" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e4fb550aa8e42922a9ffc402a7" ON "carts"  ("user_id") WHERE user_id IS NOT NULL`);
        await queryRunner.query(`CREATE TABLE "cart_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cart_id" uuid NOT NULL, "product_id" uuid NOT NULL, "quantity" integer NOT NULL, "price_when_added_idr" bigint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a8b728889a5b050537ab02e07bd" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_5c66a9dbf9b7661da7b6cde3a8" ON "cart_lines"  ("product_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_cart_lines_cart_product" ON "cart_lines"  ("cart_id", "product_id") `);
        await queryRunner.query(`CREATE TYPE "public"."payment_method" AS ENUM('CARD', 'BANK_TRANSFER', 'COD')`);
        await queryRunner.query(`CREATE TYPE "public"."payment_status" AS ENUM('PENDING', 'SUCCEEDED', 'EXPIRED', 'FLAGGED')`);
        await queryRunner.query(`CREATE TABLE "payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "order_id" uuid NOT NULL, "order_code" character varying NOT NULL, "seller_order_id" uuid, "method" "public"."payment_method" NOT NULL, "status" "public"."payment_status" NOT NULL DEFAULT 'PENDING', "amount_idr" bigint NOT NULL, "received_idr" bigint, "fee_idr" bigint, "refunded_idr" bigint NOT NULL DEFAULT '0', "deadline" TIMESTAMP WITH TIME ZONE, "stripe_checkout_session_id" character varying, "checkout_url" character varying, "checkout_attempts" integer NOT NULL DEFAULT '0', "stripe_payment_intent_id" character varying, "stripe_charge_id" character varying, "bank_reference" character varying, "idempotency_key" character varying, "settled_at" TIMESTAMP WITH TIME ZONE, "recorded_by_user_id" uuid, "recorded_by" character varying, "flag_reason" text, CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_b2f7b823a21562eeca20e72b00" ON "payments"  ("order_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1767a802be156e5bca46e350e7" ON "payments"  ("stripe_checkout_session_id") WHERE stripe_checkout_session_id IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_df877babb0a5d849b20c60888c" ON "payments"  ("idempotency_key") WHERE idempotency_key IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_payments_cod_seller_order" ON "payments"  ("seller_order_id") WHERE method = 'COD'`);
        await queryRunner.query(`CREATE INDEX "idx_payments_method_status" ON "payments"  ("method", "status", "deadline") `);
        await queryRunner.query(`CREATE TYPE "public"."refund_status" AS ENUM('PENDING', 'SUCCEEDED', 'FAILED')`);
        await queryRunner.query(`CREATE TABLE "refunds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "order_id" uuid NOT NULL, "seller_order_id" uuid NOT NULL, "payment_id" uuid NOT NULL, "method" "public"."payment_method" NOT NULL, "status" "public"."refund_status" NOT NULL DEFAULT 'PENDING', "amount_idr" bigint NOT NULL, "reason" text NOT NULL, "stripe_refund_id" character varying, "idempotency_key" character varying NOT NULL, "requested_by_user_id" uuid, "requested_by" character varying NOT NULL, "settled_at" TIMESTAMP WITH TIME ZONE, "reconciled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5106efb01eeda7e49a78b869738" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_a42db6369017df60549539f556" ON "refunds"  ("order_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_d6b44b9066cae9e7118f798c3c" ON "refunds"  ("seller_order_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_bcba6c5fc44796669174c2c718" ON "refunds"  ("stripe_refund_id") WHERE stripe_refund_id IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ed587866eed6dbe9f17adeb8e7" ON "refunds"  ("idempotency_key") `);
        await queryRunner.query(`CREATE TABLE "stripe_events" ("event_id" character varying NOT NULL, "type" character varying NOT NULL, "payment_id" uuid, "outcome" character varying NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d0cc4569d90cb27607b2c743b4c" PRIMARY KEY ("event_id"))`);
        await queryRunner.query(`CREATE TYPE "public"."shipping_zone" AS ENUM('BALIKPAPAN', 'KALTIM', 'KALIMANTAN', 'JAWA_BALI', 'SUMATRA', 'SULAWESI', 'EASTERN_INDONESIA')`);
        await queryRunner.query(`CREATE TYPE "public"."shipping_kind" AS ENUM('COURIER', 'PICKUP', 'LOCAL_DELIVERY')`);
        await queryRunner.query(`CREATE TABLE "shipping_rates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "courier" character varying NOT NULL, "service" character varying NOT NULL, "zone" "public"."shipping_zone" NOT NULL, "kind" "public"."shipping_kind" NOT NULL, "label" character varying NOT NULL, "base_idr" bigint NOT NULL, "per_kg_idr" bigint NOT NULL, "min_days" integer NOT NULL, "max_days" integer NOT NULL, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_c97b830633433697b24df68885a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_shipping_rates_service_zone" ON "shipping_rates"  ("courier", "service", "zone") `);
        await queryRunner.query(`CREATE TABLE "order_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "seller_order_id" uuid, "from_status" character varying, "to_status" character varying NOT NULL, "action" character varying NOT NULL, "actor_user_id" uuid, "actor_system" character varying, "actor_name" character varying NOT NULL, "on_behalf" boolean NOT NULL DEFAULT false, "note" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, CONSTRAINT "PK_cc1b82b0fcf1be577d9d7ecbf8b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_0a50deb27d9ac2be33d39ab9c3" ON "order_events"  ("seller_order_id") `);
        await queryRunner.query(`CREATE INDEX "idx_order_events_order_seq" ON "order_events"  ("order_id", "seq") `);
        await queryRunner.query(`CREATE TYPE "public"."order_status" AS ENUM('PENDING_PAYMENT', 'CASH_ON_DELIVERY', 'PAID', 'EXPIRED', 'CANCELLED')`);
        await queryRunner.query(`CREATE TABLE "orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying NOT NULL, "idempotency_key" character varying NOT NULL, "buyer_user_id" uuid, "contact_name" character varying NOT NULL, "contact_phone" character varying NOT NULL, "contact_email" character varying, "recipient_name" character varying NOT NULL, "recipient_phone" character varying NOT NULL, "village_code" character varying NOT NULL, "village" character varying NOT NULL, "district" character varying NOT NULL, "regency" character varying NOT NULL, "province" character varying NOT NULL, "postal_code" character varying NOT NULL, "street" text NOT NULL, "destination_zone" character varying NOT NULL, "payment_method" "public"."payment_method" NOT NULL, "status" "public"."order_status" NOT NULL, "items_total_idr" bigint NOT NULL, "shipping_total_idr" bigint NOT NULL, "unique_code_idr" bigint NOT NULL DEFAULT '0', "total_idr" bigint NOT NULL, "placed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "payment_deadline" TIMESTAMP WITH TIME ZONE, "paid_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "flag_reason" text, "is_demo" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_710e2d4957aa5878dfe94e4ac2f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3e413c10c595c04c6c70e58a4d" ON "orders"  ("code") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_59d6b7756aeb6cbb43a093d15a" ON "orders"  ("idempotency_key") `);
        await queryRunner.query(`CREATE INDEX "idx_orders_status_placed" ON "orders"  ("status", "placed_at") `);
        await queryRunner.query(`CREATE INDEX "idx_orders_placed" ON "orders"  ("placed_at", "id") `);
        await queryRunner.query(`CREATE INDEX "idx_orders_buyer_placed" ON "orders"  ("buyer_user_id", "placed_at", "id") `);
        await queryRunner.query(`CREATE TYPE "public"."seller_order_status" AS ENUM('PENDING_PAYMENT', 'PAID', 'CASH_ON_DELIVERY', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED', 'EXPIRED')`);
        await queryRunner.query(`CREATE TABLE "seller_orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "order_id" uuid NOT NULL, "seller_id" uuid NOT NULL, "code" character varying NOT NULL, "status" "public"."seller_order_status" NOT NULL, "placed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "items_total_idr" bigint NOT NULL, "shipping_idr" bigint NOT NULL, "total_idr" bigint NOT NULL, "refunded_idr" bigint NOT NULL DEFAULT '0', "shipping_code" character varying NOT NULL, "shipping_kind" character varying NOT NULL, "shipping_label" character varying NOT NULL, "eta_min_days" integer NOT NULL, "eta_max_days" integer NOT NULL, "chargeable_weight_grams" integer NOT NULL, "courier" character varying, "tracking_number" character varying, "shipped_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" text, "cash_collected_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ad51e1ce24eed4fbd4f48d94985" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_7bfca8b1e7e215b3f79d25b0ec" ON "seller_orders"  ("order_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ef1539d4c26d676a047a694d3d" ON "seller_orders"  ("code") `);
        await queryRunner.query(`CREATE INDEX "idx_seller_orders_seller_placed" ON "seller_orders"  ("seller_id", "placed_at", "id") `);
        await queryRunner.query(`CREATE TABLE "order_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seller_order_id" uuid NOT NULL, "product_id" uuid NOT NULL, "title" character varying NOT NULL, "unit_price_idr" bigint NOT NULL, "quantity" integer NOT NULL, "weight_grams" integer NOT NULL, "line_total_idr" bigint NOT NULL, "stock_released_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_627dcd7f1d707de4df241b2da6b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_daf8761db29a003f735557b49b" ON "order_lines"  ("seller_order_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_c33a737fbeb5050911ca729aae" ON "order_lines"  ("product_id") `);
        await queryRunner.query(`ALTER TABLE "products" ADD "cod_allowed" boolean NOT NULL DEFAULT true`);
        await queryRunner.query(`ALTER TABLE "products" ADD "length_cm" integer`);
        await queryRunner.query(`ALTER TABLE "products" ADD "width_cm" integer`);
        await queryRunner.query(`ALTER TABLE "products" ADD "height_cm" integer`);
        await queryRunner.query(`ALTER TYPE "public"."user_role" ADD VALUE 'FINANCE'`);
        await queryRunner.query(`ALTER TABLE "saved_addresses" ADD CONSTRAINT "FK_ade7e74acf7fd9b7e487757a11b" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "saved_addresses" ADD CONSTRAINT "FK_fe7083e81468a680e32a438f509" FOREIGN KEY ("village_code") REFERENCES "administrative_areas"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "carts" ADD CONSTRAINT "FK_2ec1c94a977b940d85a4f498aea" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "cart_lines" ADD CONSTRAINT "FK_41ddbb6bf3c82ea6ad0f9fe0353" FOREIGN KEY ("cart_id") REFERENCES "carts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "cart_lines" ADD CONSTRAINT "FK_5c66a9dbf9b7661da7b6cde3a80" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "orders" ADD CONSTRAINT "FK_fabd89e604fa871fbd13fc0d92a" FOREIGN KEY ("buyer_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "seller_orders" ADD CONSTRAINT "FK_7bfca8b1e7e215b3f79d25b0ec1" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "seller_orders" ADD CONSTRAINT "FK_0a3e2e7598abc10e915fc3c63b2" FOREIGN KEY ("seller_id") REFERENCES "sellers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "order_lines" ADD CONSTRAINT "FK_daf8761db29a003f735557b49b9" FOREIGN KEY ("seller_order_id") REFERENCES "seller_orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "order_lines" ADD CONSTRAINT "FK_c33a737fbeb5050911ca729aaed" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE INDEX "idx_administrative_areas_name_trgm" ON "administrative_areas" USING gin (lower("name") gin_trgm_ops)`);
        await loadAdministrativeAreas(queryRunner);
        for (const [zone, prices, days] of COURIER_RATES) {
            for (const [i, [courier, service, label]] of SERVICES.entries()) {
                await queryRunner.query(`INSERT INTO "shipping_rates" ("courier", "service", "zone", "kind", "label", "base_idr", "per_kg_idr", "min_days", "max_days") VALUES ($1, $2, $3, 'COURIER', $4, 0, $5, $6, $7)`, [courier, service, zone, label, prices[i], days[i][0], days[i][1]]);
            }
        }
        await queryRunner.query(`INSERT INTO "shipping_rates" ("courier", "service", "zone", "kind", "label", "base_idr", "per_kg_idr", "min_days", "max_days") VALUES ('KAMPUNG', 'AMBIL', 'BALIKPAPAN', 'PICKUP', 'Ambil di kampung', 0, 0, 0, 1), ('PENDAMPING', 'ANTAR', 'BALIKPAPAN', 'LOCAL_DELIVERY', 'Antar oleh pendamping', $1, 0, 0, 1)`, [LOCAL_DELIVERY_FEE_IDR]);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_administrative_areas_name_trgm"`);
        await queryRunner.query(`UPDATE "users" SET "roles" = array_remove("roles", 'FINANCE')`);
        await queryRunner.query(`ALTER TABLE "order_lines" DROP CONSTRAINT "FK_c33a737fbeb5050911ca729aaed"`);
        await queryRunner.query(`ALTER TABLE "order_lines" DROP CONSTRAINT "FK_daf8761db29a003f735557b49b9"`);
        await queryRunner.query(`ALTER TABLE "seller_orders" DROP CONSTRAINT "FK_0a3e2e7598abc10e915fc3c63b2"`);
        await queryRunner.query(`ALTER TABLE "seller_orders" DROP CONSTRAINT "FK_7bfca8b1e7e215b3f79d25b0ec1"`);
        await queryRunner.query(`ALTER TABLE "orders" DROP CONSTRAINT "FK_fabd89e604fa871fbd13fc0d92a"`);
        await queryRunner.query(`ALTER TABLE "cart_lines" DROP CONSTRAINT "FK_5c66a9dbf9b7661da7b6cde3a80"`);
        await queryRunner.query(`ALTER TABLE "cart_lines" DROP CONSTRAINT "FK_41ddbb6bf3c82ea6ad0f9fe0353"`);
        await queryRunner.query(`ALTER TABLE "carts" DROP CONSTRAINT "FK_2ec1c94a977b940d85a4f498aea"`);
        await queryRunner.query(`ALTER TABLE "saved_addresses" DROP CONSTRAINT "FK_fe7083e81468a680e32a438f509"`);
        await queryRunner.query(`ALTER TABLE "saved_addresses" DROP CONSTRAINT "FK_ade7e74acf7fd9b7e487757a11b"`);
        await queryRunner.query(`CREATE TYPE "public"."user_role_old" AS ENUM('BUYER', 'SELLER', 'PENDAMPING', 'OFFICER', 'ADMIN')`);
        await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "roles" TYPE "public"."user_role_old"[] USING "roles"::"text"::"public"."user_role_old"[]`);
        await queryRunner.query(`DROP TYPE "public"."user_role"`);
        await queryRunner.query(`ALTER TYPE "public"."user_role_old" RENAME TO "user_role"`);
        await queryRunner.query(`ALTER TABLE "products" DROP COLUMN "height_cm"`);
        await queryRunner.query(`ALTER TABLE "products" DROP COLUMN "width_cm"`);
        await queryRunner.query(`ALTER TABLE "products" DROP COLUMN "length_cm"`);
        await queryRunner.query(`ALTER TABLE "products" DROP COLUMN "cod_allowed"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_c33a737fbeb5050911ca729aae"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_daf8761db29a003f735557b49b"`);
        await queryRunner.query(`DROP TABLE "order_lines"`);
        await queryRunner.query(`DROP INDEX "public"."idx_seller_orders_seller_placed"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ef1539d4c26d676a047a694d3d"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_7bfca8b1e7e215b3f79d25b0ec"`);
        await queryRunner.query(`DROP TABLE "seller_orders"`);
        await queryRunner.query(`DROP TYPE "public"."seller_order_status"`);
        await queryRunner.query(`DROP INDEX "public"."idx_orders_buyer_placed"`);
        await queryRunner.query(`DROP INDEX "public"."idx_orders_placed"`);
        await queryRunner.query(`DROP INDEX "public"."idx_orders_status_placed"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_59d6b7756aeb6cbb43a093d15a"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3e413c10c595c04c6c70e58a4d"`);
        await queryRunner.query(`DROP TABLE "orders"`);
        await queryRunner.query(`DROP TYPE "public"."order_status"`);
        await queryRunner.query(`DROP TYPE "public"."payment_method"`);
        await queryRunner.query(`DROP INDEX "public"."idx_order_events_order_seq"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_0a50deb27d9ac2be33d39ab9c3"`);
        await queryRunner.query(`DROP TABLE "order_events"`);
        await queryRunner.query(`DROP INDEX "public"."uq_shipping_rates_service_zone"`);
        await queryRunner.query(`DROP TABLE "shipping_rates"`);
        await queryRunner.query(`DROP TYPE "public"."shipping_kind"`);
        await queryRunner.query(`DROP TYPE "public"."shipping_zone"`);
        await queryRunner.query(`DROP TABLE "stripe_events"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ed587866eed6dbe9f17adeb8e7"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_bcba6c5fc44796669174c2c718"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d6b44b9066cae9e7118f798c3c"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_a42db6369017df60549539f556"`);
        await queryRunner.query(`DROP TABLE "refunds"`);
        await queryRunner.query(`DROP TYPE "public"."refund_status"`);
        await queryRunner.query(`DROP INDEX "public"."idx_payments_method_status"`);
        await queryRunner.query(`DROP INDEX "public"."uq_payments_cod_seller_order"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_df877babb0a5d849b20c60888c"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1767a802be156e5bca46e350e7"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b2f7b823a21562eeca20e72b00"`);
        await queryRunner.query(`DROP TABLE "payments"`);
        await queryRunner.query(`DROP TYPE "public"."payment_status"`);
        await queryRunner.query(`DROP INDEX "public"."uq_cart_lines_cart_product"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_5c66a9dbf9b7661da7b6cde3a8"`);
        await queryRunner.query(`DROP TABLE "cart_lines"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e4fb550aa8e42922a9ffc402a7"`);
        await queryRunner.query(`DROP TABLE "carts"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ade7e74acf7fd9b7e487757a11"`);
        await queryRunner.query(`DROP TABLE "saved_addresses"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_56c37caed9254834ad16dc2ba9"`);
        await queryRunner.query(`DROP TABLE "administrative_areas"`);
        await queryRunner.query(`DROP TYPE "public"."area_level"`);
    }

}
