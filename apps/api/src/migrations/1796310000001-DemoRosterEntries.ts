import { MigrationInterface, QueryRunner } from "typeorm";

/** Roster lines of the demo seed are marked, like demo sellers, so reports can tell them from DP3AKB's own. */
export class DemoRosterEntries1796310000001 implements MigrationInterface {
    name = 'DemoRosterEntries1796310000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "roster_entries" ADD "is_demo" boolean NOT NULL DEFAULT false`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "roster_entries" DROP COLUMN "is_demo"`);
    }

}
