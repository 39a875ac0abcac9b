import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log (API.md "Audit", issue #15 item 9): one row per organizer or admin action,
 * append-only. A trigger refuses UPDATE and DELETE of a row, and TRUNCATE of the table, whoever
 * asks (the app, a script, a console): changing history takes a migration that drops the trigger,
 * which is itself reviewed. Indexes serve the admin list, newest first (read backwards), whole or
 * by action or by actor.
 */
export class AuditLog1796268167706 implements MigrationInterface {
  name = 'AuditLog1796268167706';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "action" character varying(64) NOT NULL, "target_type" character varying(32) NOT NULL, "target_id" text, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_at" ON "audit_log" ("at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_action_at" ON "audit_log" ("action", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_actor_at" ON "audit_log" ("actor_id", "at") `);
    await queryRunner.query(
      `CREATE FUNCTION "audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
       END
       $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_refuse_change"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_refuse_change"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_audit_log_no_truncate" ON "audit_log"`);
    await queryRunner.query(`DROP TRIGGER "TRG_audit_log_append_only" ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION "audit_log_refuse_change"()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_log_actor_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_log_action_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_log_at"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
