import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ResultsBundle1796283863406 implements MigrationInterface {
  name = 'ResultsBundle1796283863406';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "question_pool_snapshots" ("id" character varying(64) NOT NULL, "candidates" jsonb NOT NULL, "bank_revision" bigint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_207cc950ddb5f01d7109179e5c5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "round_result_digests" ("round_id" uuid NOT NULL, "results_sha256" character varying(64) NOT NULL, "ranks" integer NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_1effc49af54e8fecdfdfa09032b" PRIMARY KEY ("round_id"))`);
    await queryRunner.query(`ALTER TABLE "attempts" ADD "pool_snapshot_id" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "attempts" ADD CONSTRAINT "FK_attempts_pool_snapshot" FOREIGN KEY ("pool_snapshot_id") REFERENCES "question_pool_snapshots"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "round_result_digests" ADD CONSTRAINT "FK_round_result_digests_round" FOREIGN KEY ("round_id") REFERENCES "rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "round_result_digests" DROP CONSTRAINT "FK_round_result_digests_round"`);
    await queryRunner.query(`ALTER TABLE "attempts" DROP CONSTRAINT "FK_attempts_pool_snapshot"`);
    await queryRunner.query(`ALTER TABLE "attempts" DROP COLUMN "pool_snapshot_id"`);
    await queryRunner.query(`DROP TABLE "round_result_digests"`);
    await queryRunner.query(`DROP TABLE "question_pool_snapshots"`);
  }
}
