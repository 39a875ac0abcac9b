import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The participation dashboard counts distinct members per (round, unit) from this index alone; it
 * replaces (round_id, unit_id), which nothing else read, so a submit maintains no more indexes than before.
 */
export class ParticipationIndex1796280119787 implements MigrationInterface {
  name = 'ParticipationIndex1796280119787';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_round_participants_unit"`);
    await queryRunner.query(`CREATE INDEX "IDX_round_participants_round_unit_user" ON "round_participants"  ("round_id", "unit_id", "user_id") WHERE "best_attempt_id" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_round_participants_round_unit_user"`);
    await queryRunner.query(`CREATE INDEX "IDX_round_participants_unit" ON "round_participants" USING btree ("round_id", "unit_id") `);
  }
}
