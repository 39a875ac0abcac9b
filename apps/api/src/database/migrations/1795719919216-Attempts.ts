import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Attempts1795719919216 implements MigrationInterface {
  name = 'Attempts1795719919216';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "rounds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contest_id" uuid NOT NULL, "position" integer NOT NULL, "kind" character varying(10) NOT NULL, "title" character varying(300) NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "actual_value" integer, "time_limit_seconds" integer, "max_attempts" integer, "blueprint" jsonb, "shuffle_questions" boolean NOT NULL DEFAULT true, "shuffle_options" boolean NOT NULL DEFAULT true, "grading_mode" character varying(16) NOT NULL DEFAULT 'all_or_nothing', "prediction_question" text, "prediction_actual" character varying(12), "review_after" character varying(8) NOT NULL DEFAULT 'close', "rubric" jsonb, "judges_per_entry" integer, "min_words" integer, "max_words" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_rounds_max_attempts" CHECK ("max_attempts" IS NULL OR "max_attempts" >= 1), CONSTRAINT "CHK_rounds_time_limit" CHECK ("time_limit_seconds" IS NULL OR "time_limit_seconds" BETWEEN 5 AND 86400), CONSTRAINT "CHK_rounds_kind" CHECK ("kind" IN ('quiz', 'essay')), CONSTRAINT "CHK_rounds_window" CHECK ("closes_at" > "opens_at"), CONSTRAINT "PK_9d254884a20817016e2f877c7e7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_rounds_contest_position" ON "rounds"  ("contest_id", "position") `);
    await queryRunner.query(`CREATE TABLE "attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "user_id" uuid NOT NULL, "unit_id" uuid, "number" integer NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'active', "seed" character varying(64) NOT NULL, "paper" jsonb NOT NULL, "answer_specs" jsonb NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "score" numeric(10,2), "max_score" numeric(10,2), "correct_count" integer, "duration_ms" integer, "prediction" integer, CONSTRAINT "CHK_attempts_prediction" CHECK ("prediction" IS NULL OR "prediction" >= 0), CONSTRAINT "CHK_attempts_status" CHECK ("status" IN ('active', 'submitted', 'expired')), CONSTRAINT "PK_295ca261e361fd2fd217754dcac" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_attempts_active_deadline" ON "attempts"  ("deadline") WHERE "status" = 'active'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_attempts_active_per_member" ON "attempts"  ("round_id", "user_id") WHERE "status" = 'active'`);
    await queryRunner.query(`CREATE INDEX "IDX_attempts_round_user" ON "attempts"  ("round_id", "user_id") `);
    await queryRunner.query(`CREATE TABLE "attempt_answers" ("attempt_id" uuid NOT NULL, "question_id" uuid NOT NULL, "option_ids" jsonb NOT NULL, "saved_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revision" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_481462ba60b9c3d57495c0ff96e" PRIMARY KEY ("attempt_id", "question_id"))`);
    await queryRunner.query(`CREATE TABLE "regrade_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "performed_by" uuid NOT NULL, "performed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "questions" jsonb NOT NULL, "changed" jsonb NOT NULL, "rank_changes" integer NOT NULL, CONSTRAINT "PK_a1792c664d91e705d78a9b3350d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_regrade_log_round" ON "regrade_log"  ("round_id", "performed_at") `);
    await queryRunner.query(`CREATE TABLE "round_participants" ("round_id" uuid NOT NULL, "user_id" uuid NOT NULL, "unit_id" uuid, "attempts_used" integer NOT NULL DEFAULT '0', "active_attempt_id" uuid, "best_attempt_id" uuid, "best_score" numeric(10,2), "best_duration_ms" integer, "best_submitted_at" TIMESTAMP WITH TIME ZONE, "best_prediction" integer, CONSTRAINT "PK_050e79b800490605d16b0804883" PRIMARY KEY ("round_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_round_participants_unit" ON "round_participants"  ("round_id", "unit_id") `);
    await queryRunner.query(`CREATE TABLE "question_bank_state" ("id" integer NOT NULL DEFAULT '1', "revision" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_1692ddc41674949c11655bf7903" PRIMARY KEY ("id"))`);
    // The one row the bank's writers bump and starts read (hand-added).
    await queryRunner.query(`INSERT INTO "question_bank_state" ("id", "revision") VALUES (1, 0)`);
    await queryRunner.query(`ALTER TABLE "contests" ADD "published_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "rounds" ADD CONSTRAINT "FK_rounds_contest" FOREIGN KEY ("contest_id") REFERENCES "contests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "attempts" ADD CONSTRAINT "FK_attempts_round" FOREIGN KEY ("round_id") REFERENCES "rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "attempts" ADD CONSTRAINT "FK_attempts_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "attempt_answers" ADD CONSTRAINT "FK_attempt_answers_attempt" FOREIGN KEY ("attempt_id") REFERENCES "attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "round_participants" ADD CONSTRAINT "FK_round_participants_round" FOREIGN KEY ("round_id") REFERENCES "rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "round_participants" ADD CONSTRAINT "FK_round_participants_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "round_participants" DROP CONSTRAINT "FK_round_participants_user"`);
    await queryRunner.query(`ALTER TABLE "round_participants" DROP CONSTRAINT "FK_round_participants_round"`);
    await queryRunner.query(`ALTER TABLE "attempt_answers" DROP CONSTRAINT "FK_attempt_answers_attempt"`);
    await queryRunner.query(`ALTER TABLE "attempts" DROP CONSTRAINT "FK_attempts_user"`);
    await queryRunner.query(`ALTER TABLE "attempts" DROP CONSTRAINT "FK_attempts_round"`);
    await queryRunner.query(`ALTER TABLE "rounds" DROP CONSTRAINT "FK_rounds_contest"`);
    await queryRunner.query(`ALTER TABLE "contests" DROP COLUMN "published_at"`);
    await queryRunner.query(`DROP TABLE "question_bank_state"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_round_participants_unit"`);
    await queryRunner.query(`DROP TABLE "round_participants"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_regrade_log_round"`);
    await queryRunner.query(`DROP TABLE "regrade_log"`);
    await queryRunner.query(`DROP TABLE "attempt_answers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_attempts_round_user"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_attempts_active_per_member"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_attempts_active_deadline"`);
    await queryRunner.query(`DROP TABLE "attempts"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_rounds_contest_position"`);
    await queryRunner.query(`DROP TABLE "rounds"`);
  }
}
