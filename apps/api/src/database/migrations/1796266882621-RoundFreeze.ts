import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The board freeze: the last `freeze_minutes` before close, public boards stop changing (API.md "Rounds"). */
export class RoundFreeze1796266882621 implements MigrationInterface {
  name = 'RoundFreeze1796266882621';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rounds" ADD "freeze_minutes" integer NOT NULL DEFAULT '30'`);
    await queryRunner.query(`ALTER TABLE "rounds" ADD CONSTRAINT "CHK_rounds_freeze_minutes" CHECK ("freeze_minutes" BETWEEN 0 AND 10080)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rounds" DROP CONSTRAINT "CHK_rounds_freeze_minutes"`);
    await queryRunner.query(`ALTER TABLE "rounds" DROP COLUMN "freeze_minutes"`);
  }
}
