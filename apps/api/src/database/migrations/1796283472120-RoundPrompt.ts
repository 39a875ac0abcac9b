import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RoundPrompt1796283472120 implements MigrationInterface {
  name = 'RoundPrompt1796283472120';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rounds" ADD "prompt" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rounds" DROP COLUMN "prompt"`);
  }
}
