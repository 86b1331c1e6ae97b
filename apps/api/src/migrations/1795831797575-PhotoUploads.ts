import { MigrationInterface, QueryRunner } from "typeorm";

export class PhotoUploads1795831797575 implements MigrationInterface {
    name = 'PhotoUploads1795831797575'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5ddb0eb6d482a40e22363ae046" ON "product_photos"  ("original_key") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_5ddb0eb6d482a40e22363ae046"`);
    }

}
