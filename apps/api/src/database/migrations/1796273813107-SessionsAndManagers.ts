import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revocable sessions (API.md "Sessions and accounts") and per-contest managers ("Contest managers").
 * Every existing contest is managed by its creator; a contest without one is left to the admins.
 * Access tokens issued before this migration carry no session and are refused: everyone signs in again.
 */
export class SessionsAndManagers1796273813107 implements MigrationInterface {
  name = 'SessionsAndManagers1796273813107';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "auth_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "refreshed_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_641507381f32580e8479efc36cd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_auth_sessions_revoked_at" ON "auth_sessions"  ("revoked_at") WHERE "revoked_at" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_auth_sessions_user_live" ON "auth_sessions"  ("user_id", "created_at") WHERE "revoked_at" IS NULL`);
    await queryRunner.query(`CREATE TABLE "contest_managers" ("contest_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f405f8ed77dcef0c8031f5a1690" PRIMARY KEY ("contest_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_contest_managers_user" ON "contest_managers"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "active" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "users" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "users" ADD "auth_changed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "IDX_users_auth_changed_at" ON "users"  ("auth_changed_at") WHERE "auth_changed_at" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "auth_sessions" ADD CONSTRAINT "FK_auth_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contest_managers" ADD CONSTRAINT "FK_contest_managers_contest" FOREIGN KEY ("contest_id") REFERENCES "contests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contest_managers" ADD CONSTRAINT "FK_contest_managers_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`INSERT INTO "contest_managers" ("contest_id", "user_id")
      SELECT c."id", c."created_by" FROM "contests" c JOIN "users" u ON u."id" = c."created_by"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contest_managers" DROP CONSTRAINT "FK_contest_managers_user"`);
    await queryRunner.query(`ALTER TABLE "contest_managers" DROP CONSTRAINT "FK_contest_managers_contest"`);
    await queryRunner.query(`ALTER TABLE "auth_sessions" DROP CONSTRAINT "FK_auth_sessions_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_users_auth_changed_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "auth_changed_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "must_change_password"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "active"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_contest_managers_user"`);
    await queryRunner.query(`DROP TABLE "contest_managers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_auth_sessions_user_live"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_auth_sessions_revoked_at"`);
    await queryRunner.query(`DROP TABLE "auth_sessions"`);
  }
}
