import { MigrationInterface, QueryRunner } from "typeorm";

/** Which sizes each photo's variants exist in: the photos stored so far have THUMB, CARD and FULL only (set 1). */
export class PhotoVariantSets1796310000000 implements MigrationInterface {
    name = 'PhotoVariantSets1796310000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "product_photos" ADD "variant_set" smallint NOT NULL DEFAULT '1'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "product_photos" DROP COLUMN "variant_set"`);
    }

}
