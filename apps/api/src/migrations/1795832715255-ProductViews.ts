import { MigrationInterface, QueryRunner } from "typeorm";

export class ProductViews1795832715255 implements MigrationInterface {
    name = 'ProductViews1795832715255'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "product_view_days" ("product_id" uuid NOT NULL, "day" date NOT NULL, "views" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_0b9e9c4fdcf9f5447f4658f3931" PRIMARY KEY ("product_id", "day"))`);
        await queryRunner.query(`ALTER TABLE "product_view_days" ADD CONSTRAINT "FK_6a2e439ef944dcbb56e1391ea9c" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "product_view_days" DROP CONSTRAINT "FK_6a2e439ef944dcbb56e1391ea9c"`);
        await queryRunner.query(`DROP TABLE "product_view_days"`);
    }

}
