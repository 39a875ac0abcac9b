import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A member's history across contests (`GET /api/me/history`). A plain CREATE INDEX blocks writes to
 * `attempts` while it builds (seconds per million attempts): run the upgrade between rounds.
 */
export class AttemptHistoryIndex1796275650555 implements MigrationInterface {
  name = 'AttemptHistoryIndex1796275650555';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_attempts_user_started" ON "attempts"  ("user_id", "started_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_attempts_user_started"`);
  }
}
