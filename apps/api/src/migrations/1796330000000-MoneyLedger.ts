import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Money: the double-entry ledger (accounts, journal transactions, entries, sale lines, monthly
 * rollup), commission rules and payouts, and the FINANCE role. The database itself keeps the ledger
 * honest: a transaction's entries must sum to zero at commit (a deferred constraint trigger), entries
 * join only a transaction opened in the same database transaction, and nothing posted is ever
 * updated, deleted or truncated.
 */
export class MoneyLedger1796330000000 implements MigrationInterface {
    name = 'MoneyLedger1796330000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."commission_scope" AS ENUM('SELLER', 'TRAINING_PROGRAM', 'CATEGORY', 'DEFAULT')`);
        await queryRunner.query(`CREATE TABLE "commission_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "scope" "public"."commission_scope" NOT NULL, "seller_id" uuid, "category" "public"."product_category", "training_program_id" uuid, "rate_basis_points" integer NOT NULL, "floor_idr" bigint, "cap_idr" bigint, "valid_from" TIMESTAMP WITH TIME ZONE, "valid_until" TIMESTAMP WITH TIME ZONE, "months_after_training" integer, "active" boolean NOT NULL DEFAULT true, "note" text NOT NULL DEFAULT '', "updated_by_user_id" uuid, CONSTRAINT "chk_commission_rules_target" CHECK (("scope" = 'SELLER') = ("seller_id" IS NOT NULL) AND ("scope" = 'TRAINING_PROGRAM') = ("training_program_id" IS NOT NULL) AND ("scope" = 'CATEGORY') = ("category" IS NOT NULL)), CONSTRAINT "chk_commission_rules_rate" CHECK ("rate_basis_points" BETWEEN 0 AND 10000), CONSTRAINT "PK_399c9fa57f7fd28dfc57acea3bd" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_0e1a5ec37ebd02289a939394b1" ON "commission_rules"  ("seller_id")`);
        await queryRunner.query(`CREATE INDEX "idx_commission_rules_scope" ON "commission_rules"  ("scope", "active")`);
        await queryRunner.query(`CREATE TYPE "public"."ledger_account_kind" AS ENUM('SELLER_PENDING', 'SELLER_AVAILABLE', 'SELLER_IN_PAYOUT', 'COMMISSION_REVENUE', 'SHIPPING_PAYABLE', 'REFUNDS_PAYABLE', 'PAYMENT_CLEARING', 'COD_CASH', 'PAYOUT_CLEARING')`);
        await queryRunner.query(`CREATE TABLE "ledger_accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying NOT NULL, "kind" "public"."ledger_account_kind" NOT NULL, "seller_id" uuid, "holder_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_62b34396dda564757cf123fff0e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_38110ab19259ee2e6cf0adc82c" ON "ledger_accounts"  ("code")`);
        await queryRunner.query(`CREATE INDEX "IDX_bd05ae7a2b954d3085c6e2ad2a" ON "ledger_accounts"  ("seller_id")`);
        await queryRunner.query(`CREATE TYPE "public"."ledger_cause" AS ENUM('ORDER_PAID', 'DELIVERY_RELEASE', 'REFUND', 'REFUND_SENT', 'COD_REMITTED', 'PAYOUT_RESERVED', 'PAYOUT_CANCELLED', 'PAYOUT_SENT', 'PAYOUT_RETURNED', 'ADJUSTMENT')`);
        await queryRunner.query(`CREATE TYPE "public"."ledger_payment_method" AS ENUM('STRIPE', 'BANK_TRANSFER', 'COD')`);
        await queryRunner.query(`CREATE TABLE "ledger_transactions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "idempotency_key" character varying NOT NULL, "cause" "public"."ledger_cause" NOT NULL, "seller_id" uuid, "order_id" uuid, "seller_order_id" uuid, "refund_id" uuid, "payout_id" uuid, "payment_method" "public"."ledger_payment_method", "provider_reference" character varying, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "available_at" TIMESTAMP WITH TIME ZONE, "actor_user_id" uuid, "actor_system" character varying, "actor_name" character varying NOT NULL, "memo" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "chk_ledger_transactions_one_actor" CHECK (("actor_user_id" IS NULL) <> ("actor_system" IS NULL)), CONSTRAINT "PK_633d103c9e415d615aacf9b1929" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_01ff7d3a76be6b7ca5fd33761d" ON "ledger_transactions"  ("idempotency_key")`);
        await queryRunner.query(`CREATE INDEX "IDX_33d758ca1167671998e5b86f16" ON "ledger_transactions"  ("order_id")`);
        await queryRunner.query(`CREATE INDEX "IDX_dc544a5f9ef48d6fc751786c4f" ON "ledger_transactions"  ("seller_order_id")`);
        await queryRunner.query(`CREATE INDEX "IDX_2b5476301f7fb7478cc0828923" ON "ledger_transactions"  ("payout_id")`);
        await queryRunner.query(`CREATE INDEX "IDX_6d3241308bd0e0af5b1f74f3af" ON "ledger_transactions"  ("provider_reference")`);
        await queryRunner.query(`CREATE INDEX "idx_ledger_transactions_seller_created" ON "ledger_transactions"  ("seller_id", "created_at", "id")`);
        await queryRunner.query(`CREATE TABLE "ledger_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "transaction_id" uuid NOT NULL, "account_id" uuid NOT NULL, "amount_idr" bigint NOT NULL, "order_line_id" uuid, CONSTRAINT "chk_ledger_entries_nonzero" CHECK ("amount_idr" <> 0), CONSTRAINT "PK_6efcb84411d3f08b08450ae75d5" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_b26c5ef5853fd6e0a8680427f6" ON "ledger_entries"  ("transaction_id")`);
        await queryRunner.query(`CREATE INDEX "IDX_e4440167e470be69f9622c1cea" ON "ledger_entries"  ("account_id")`);
        await queryRunner.query(`CREATE TABLE "ledger_monthly" ("seller_id" uuid NOT NULL, "month" date NOT NULL, "sales_idr" bigint NOT NULL DEFAULT '0', "commission_idr" bigint NOT NULL DEFAULT '0', "refunded_idr" bigint NOT NULL DEFAULT '0', "refunded_commission_idr" bigint NOT NULL DEFAULT '0', "paid_out_idr" bigint NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cb8d251a9cb84b4312f5e0694b4" PRIMARY KEY ("seller_id", "month"))`);
        await queryRunner.query(`CREATE TABLE "ledger_sale_lines" ("order_line_id" uuid NOT NULL, "transaction_id" uuid NOT NULL, "seller_order_id" uuid NOT NULL, "gross_idr" bigint NOT NULL, "commission_idr" bigint NOT NULL, "commission_rule_id" uuid, "commission_rate_basis_points" integer NOT NULL, "commission_floor_idr" bigint, "commission_cap_idr" bigint, CONSTRAINT "PK_10ac5c1902ae1f2674b90b8d3b6" PRIMARY KEY ("order_line_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_57a3ca04715a3368e4f4c2a6e8" ON "ledger_sale_lines"  ("transaction_id")`);
        await queryRunner.query(`CREATE INDEX "IDX_3211710d1fbbd9f115a920f152" ON "ledger_sale_lines"  ("seller_order_id")`);
        await queryRunner.query(`CREATE TYPE "public"."payout_method" AS ENUM('BANK_TRANSFER', 'EWALLET', 'CASH_VIA_PENDAMPING')`);
        await queryRunner.query(`CREATE TYPE "public"."ewallet_provider" AS ENUM('GOPAY', 'OVO', 'DANA', 'SHOPEEPAY')`);
        await queryRunner.query(`CREATE TABLE "payout_details" ("seller_id" uuid NOT NULL, "method" "public"."payout_method" NOT NULL, "bank_code" character varying, "account_number" character varying, "account_holder_name" character varying, "ewallet_provider" "public"."ewallet_provider", "ewallet_number" character varying, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "payouts_held_until" TIMESTAMP WITH TIME ZONE NOT NULL, "changed_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0d020b28e901b763a9d709a9069" PRIMARY KEY ("seller_id"))`);
        await queryRunner.query(`CREATE TABLE "payout_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "minimum_idr" bigint NOT NULL, "total_idr" bigint NOT NULL, "payout_count" integer NOT NULL, "created_by_user_id" uuid, "created_by_name" character varying NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_477d8f03c7a51ac672867547ffb" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_1dec66abb115527494bee6bacb" ON "payout_runs"  ("created_at")`);
        await queryRunner.query(`CREATE TYPE "public"."payout_status" AS ENUM('PENDING', 'PAID', 'FAILED', 'RETURNED')`);
        await queryRunner.query(`CREATE TABLE "payouts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "run_id" uuid NOT NULL, "seller_id" uuid NOT NULL, "amount_idr" bigint NOT NULL, "reference" character varying NOT NULL, "status" "public"."payout_status" NOT NULL DEFAULT 'PENDING', "method" "public"."payout_method" NOT NULL, "bank_code" character varying, "account_number" character varying, "account_holder_name" character varying, "ewallet_provider" "public"."ewallet_provider", "ewallet_number" character varying, "transfer_reference" character varying, "failure_reason" text, "paid_at" TIMESTAMP WITH TIME ZONE, "failed_at" TIMESTAMP WITH TIME ZONE, "cash_handed_over_by_user_id" uuid, "receipt_photo_key" character varying, "cash_received_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_payouts_run_seller" UNIQUE ("run_id", "seller_id"), CONSTRAINT "chk_payouts_amount" CHECK ("amount_idr" > 0), CONSTRAINT "PK_76855dc4f0a6c18c72eea302e87" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_dfaf12ce3784fe1ed2e07826a6" ON "payouts"  ("run_id")`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_124c14495d8a41b06d83cc7c0c" ON "payouts"  ("reference")`);
        await queryRunner.query(`CREATE INDEX "idx_payouts_seller_created" ON "payouts"  ("seller_id", "created_at")`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_payouts_one_pending_per_seller" ON "payouts"  ("seller_id") WHERE "status" = 'PENDING'`);
        await queryRunner.query(`ALTER TYPE "public"."user_role" ADD VALUE IF NOT EXISTS 'FINANCE'`);
        await queryRunner.query(`ALTER TABLE "commission_rules" ADD CONSTRAINT "FK_0e1a5ec37ebd02289a939394b12" FOREIGN KEY ("seller_id") REFERENCES "sellers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "commission_rules" ADD CONSTRAINT "FK_fabb4fac979281142901a07d023" FOREIGN KEY ("training_program_id") REFERENCES "training_programs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ledger_accounts" ADD CONSTRAINT "FK_bd05ae7a2b954d3085c6e2ad2a6" FOREIGN KEY ("seller_id") REFERENCES "sellers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ledger_accounts" ADD CONSTRAINT "FK_93cc7c14c95b50117f651cc8e53" FOREIGN KEY ("holder_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ledger_transactions" ADD CONSTRAINT "FK_316bb0658076f51984d2b33697c" FOREIGN KEY ("seller_id") REFERENCES "sellers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ledger_entries" ADD CONSTRAINT "FK_b26c5ef5853fd6e0a8680427f60" FOREIGN KEY ("transaction_id") REFERENCES "ledger_transactions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ledger_entries" ADD CONSTRAINT "FK_e4440167e470be69f9622c1ceab" FOREIGN KEY ("account_id") REFERENCES "ledger_accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ledger_monthly" ADD CONSTRAINT "FK_eb5a4362ba65080045a11a6d148" FOREIGN KEY ("seller_id") REFERENCES "sellers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ledger_sale_lines" ADD CONSTRAINT "FK_57a3ca04715a3368e4f4c2a6e8e" FOREIGN KEY ("transaction_id") REFERENCES "ledger_transactions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "payout_details" ADD CONSTRAINT "FK_0d020b28e901b763a9d709a9069" FOREIGN KEY ("seller_id") REFERENCES "sellers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "payouts" ADD CONSTRAINT "FK_dfaf12ce3784fe1ed2e07826a68" FOREIGN KEY ("run_id") REFERENCES "payout_runs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "payouts" ADD CONSTRAINT "FK_bf2b4f678282ddffabfd2947573" FOREIGN KEY ("seller_id") REFERENCES "sellers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE FUNCTION "ledger_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'The ledger is append-only: % on % refused (post a reversing transaction instead)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
            END $$`);
        for (const table of ['ledger_transactions', 'ledger_entries', 'ledger_sale_lines']) {
            await queryRunner.query(`CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "ledger_refuse_change"()`);
            await queryRunner.query(`CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "ledger_refuse_change"()`);
        }
        // An entry may only join a transaction written by this same database transaction: a posted transaction is closed.
        await queryRunner.query(`CREATE FUNCTION "ledger_entry_joins_open_transaction"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM "ledger_transactions" WHERE "id" = NEW."transaction_id" AND "xmin" = pg_current_xact_id()::xid) THEN
                    RAISE EXCEPTION 'Ledger transaction % is already posted: entries cannot be added to it', NEW."transaction_id" USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER "ledger_entries_open_transaction" BEFORE INSERT ON "ledger_entries" FOR EACH ROW EXECUTE FUNCTION "ledger_entry_joins_open_transaction"()`);
        // At commit: every transaction has at least two entries and they sum to zero.
        await queryRunner.query(`CREATE FUNCTION "ledger_check_balanced"() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                checked uuid;
                total numeric;
                legs integer;
            BEGIN
                IF TG_TABLE_NAME = 'ledger_transactions' THEN checked := NEW."id"; ELSE checked := NEW."transaction_id"; END IF;
                SELECT coalesce(sum("amount_idr"), 0), count(*) INTO total, legs FROM "ledger_entries" WHERE "transaction_id" = checked;
                IF legs < 2 OR total <> 0 THEN
                    RAISE EXCEPTION 'Ledger transaction % does not balance: % entries summing to %', checked, legs, total USING ERRCODE = 'check_violation';
                END IF;
                RETURN NULL;
            END $$`);
        await queryRunner.query(`CREATE CONSTRAINT TRIGGER "ledger_transactions_balanced" AFTER INSERT ON "ledger_transactions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_check_balanced"()`);
        await queryRunner.query(`CREATE CONSTRAINT TRIGGER "ledger_entries_balanced" AFTER INSERT ON "ledger_entries" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_check_balanced"()`);
        // The platform's rate until an admin sets another.
        await queryRunner.query(`INSERT INTO "commission_rules" ("scope", "rate_basis_points", "note") VALUES ('DEFAULT', 1000, 'Komisi umum Karya Ibu')`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of ['payouts', 'payout_runs', 'payout_details', 'ledger_monthly', 'ledger_sale_lines', 'ledger_entries', 'ledger_transactions', 'ledger_accounts', 'commission_rules']) {
            await queryRunner.query(`DROP TABLE "${table}" CASCADE`);
        }
        await queryRunner.query(`DROP FUNCTION "ledger_check_balanced"()`);
        await queryRunner.query(`DROP FUNCTION "ledger_entry_joins_open_transaction"()`);
        await queryRunner.query(`DROP FUNCTION "ledger_refuse_change"()`);
        for (const type of ['payout_status', 'ewallet_provider', 'payout_method', 'ledger_payment_method', 'ledger_cause', 'ledger_account_kind', 'commission_scope']) {
            await queryRunner.query(`DROP TYPE "public"."${type}"`);
        }
        // FINANCE stays in user_role: PostgreSQL cannot drop an enum value, and other migrations may use it.
    }

}
