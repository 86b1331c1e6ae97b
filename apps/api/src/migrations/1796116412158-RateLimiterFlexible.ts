import { MigrationInterface, QueryRunner } from "typeorm";

/** rate-limiter-flexible's table (it is told `tableCreated: true` and never creates it); the hand-written fixed windows go. */
export class RateLimiterFlexible1796116412158 implements MigrationInterface {
    name = 'RateLimiterFlexible1796116412158'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "rate_limits" ("key" character varying(255) NOT NULL, "points" integer NOT NULL DEFAULT '0', "expire" bigint, CONSTRAINT "PK_8cb6aa4831e3e775ccf370521db" PRIMARY KEY ("key"))`);
        await queryRunner.query(`DROP TABLE "rate_limit_buckets"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "rate_limit_buckets" ("key" character varying NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL, CONSTRAINT "PK_9eb2f8a2ae370667b4ca83dd313" PRIMARY KEY ("key"))`);
        await queryRunner.query(`DROP TABLE "rate_limits"`);
    }

}
