import { MigrationInterface, QueryRunner } from "typeorm";

/** One view per visitor per product per day: who was counted today, how many per address, the day's salt. */
export class ProductViewVisitors1796116417319 implements MigrationInterface {
    name = 'ProductViewVisitors1796116417319'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "product_view_visitors" ("day" date NOT NULL, "product_id" uuid NOT NULL, "visitor_hash" bytea NOT NULL, CONSTRAINT "PK_ed80dd7893bb6f45046149df0a4" PRIMARY KEY ("day", "product_id", "visitor_hash"))`);
        await queryRunner.query(`CREATE TABLE "product_view_addresses" ("day" date NOT NULL, "product_id" uuid NOT NULL, "address_hash" bytea NOT NULL, "visitors" integer NOT NULL, CONSTRAINT "PK_df7590fe4100ff2e6cb13c85a3a" PRIMARY KEY ("day", "product_id", "address_hash"))`);
        await queryRunner.query(`CREATE TABLE "product_view_salts" ("day" date NOT NULL, "salt" bytea NOT NULL, CONSTRAINT "PK_c93f57153db3a964dc0e5bdd2e2" PRIMARY KEY ("day"))`);
        await queryRunner.query(`ALTER TABLE "product_view_visitors" ADD CONSTRAINT "FK_55b6d0a912c23827ee98681d65b" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "product_view_addresses" ADD CONSTRAINT "FK_e1b7c62162d3e109f12fb16c5b9" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "product_view_addresses" DROP CONSTRAINT "FK_e1b7c62162d3e109f12fb16c5b9"`);
        await queryRunner.query(`ALTER TABLE "product_view_visitors" DROP CONSTRAINT "FK_55b6d0a912c23827ee98681d65b"`);
        await queryRunner.query(`DROP TABLE "product_view_salts"`);
        await queryRunner.query(`DROP TABLE "product_view_addresses"`);
        await queryRunner.query(`DROP TABLE "product_view_visitors"`);
    }

}
