import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Leaderboards1795720582149 implements MigrationInterface {
  name = 'Leaderboards1795720582149';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "round_results" ("round_id" uuid NOT NULL, "user_id" uuid NOT NULL, "unit_id" uuid, "rank" integer NOT NULL, "attempt_id" uuid NOT NULL, "score" numeric(10,2) NOT NULL, "duration_ms" integer NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "prediction" integer, "prediction_diff" integer, CONSTRAINT "PK_c1be3822c6d095fc9851f9e7c5c" PRIMARY KEY ("round_id", "user_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_round_results_rank" ON "round_results"  ("round_id", "rank") `);
    await queryRunner.query(`ALTER TABLE "round_participants" ADD "board_txid" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`CREATE INDEX "IDX_round_participants_board_txid" ON "round_participants"  ("round_id", "board_txid") `);
    await queryRunner.query(`ALTER TABLE "round_results" ADD CONSTRAINT "FK_round_results_round" FOREIGN KEY ("round_id") REFERENCES "rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "round_results" DROP CONSTRAINT "FK_round_results_round"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_round_participants_board_txid"`);
    await queryRunner.query(`ALTER TABLE "round_participants" DROP COLUMN "board_txid"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_round_results_rank"`);
    await queryRunner.query(`DROP TABLE "round_results"`);
  }
}
