import { MigrationInterface, QueryRunner } from "typeorm";

/** A failed photo keeps why as a code (PhotoFailure) that the storefront words, no longer as a bilingual sentence. */
export class PhotoFailureCodes1796300000000 implements MigrationInterface {
    name = 'PhotoFailureCodes1796300000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`UPDATE "product_photos" SET "failure_reason" = CASE WHEN "failure_reason" LIKE 'Foto tidak dapat dibaca%' THEN 'UNREADABLE' ELSE 'NOT_PROCESSED' END WHERE "failure_reason" IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`UPDATE "product_photos" SET "failure_reason" = CASE "failure_reason" WHEN 'UNREADABLE' THEN 'Foto tidak dapat dibaca atau rusak; coba foto lain. (The image could not be read.)' ELSE 'Foto belum dapat diproses; coba unggah lagi. (The photo could not be processed: upload it again.)' END WHERE "failure_reason" IS NOT NULL`);
    }

}
