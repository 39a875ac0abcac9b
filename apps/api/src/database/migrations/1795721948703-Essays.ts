import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Essays1795721948703 implements MigrationInterface {
  name = 'Essays1795721948703';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "essay_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "author_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "number" integer NOT NULL, "code" character varying(16) NOT NULL, "title" character varying(300) NOT NULL, "body" text NOT NULL, "word_count" integer NOT NULL, "source_entry_id" uuid, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attachment_path" character varying(500), "attachment_kind" character varying(8), "attachment_size" integer, "attachment_name" character varying(255), "attachment_uploaded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_essay_entries_attachment_kind" CHECK ("attachment_kind" IS NULL OR "attachment_kind" IN ('pdf', 'docx')), CONSTRAINT "PK_d3bd735b68e3828557d0dade424" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_essay_entries_round_author" ON "essay_entries"  ("round_id", "author_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_essay_entries_round_number" ON "essay_entries"  ("round_id", "number") `);
    await queryRunner.query(`CREATE TABLE "essay_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "entry_id" uuid NOT NULL, "judge_id" uuid NOT NULL, "kind" character varying(12) NOT NULL DEFAULT 'initial', "status" character varying(10) NOT NULL DEFAULT 'pending', "scores" jsonb, "total" numeric(12,4), "comment" text, "scored_at" TIMESTAMP WITH TIME ZONE, "conflict_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_essay_assignments_status" CHECK ("status" IN ('pending', 'scored', 'conflict')), CONSTRAINT "CHK_essay_assignments_kind" CHECK ("kind" IN ('initial', 'replacement', 'extra')), CONSTRAINT "PK_fbbb2648b4cdee61ab949d9ff48" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_essay_assignments_round" ON "essay_assignments"  ("round_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_essay_assignments_judge_round" ON "essay_assignments"  ("judge_id", "round_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_essay_assignments_entry_judge" ON "essay_assignments"  ("entry_id", "judge_id") `);
    await queryRunner.query(`CREATE TABLE "essay_round_states" ("round_id" uuid NOT NULL, "last_entry_number" integer NOT NULL DEFAULT '0', "seed" character varying(64), "judge_ids" uuid array NOT NULL DEFAULT '{}', "assigned_at" TIMESTAMP WITH TIME ZONE, "judging_locked_at" TIMESTAMP WITH TIME ZONE, "normalize" boolean NOT NULL DEFAULT false, "discrepancy_threshold" numeric(12,4), "results_published_at" TIMESTAMP WITH TIME ZONE, "published_normalize" boolean, "source_round_id" uuid, "shortlisted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fc592c06b14fc0124fb84a0af23" PRIMARY KEY ("round_id"))`);
    await queryRunner.query(`ALTER TABLE "essay_entries" ADD CONSTRAINT "FK_essay_entries_round" FOREIGN KEY ("round_id") REFERENCES "rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "essay_entries" ADD CONSTRAINT "FK_essay_entries_author" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "essay_entries" ADD CONSTRAINT "FK_essay_entries_source" FOREIGN KEY ("source_entry_id") REFERENCES "essay_entries"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "essay_assignments" ADD CONSTRAINT "FK_essay_assignments_round" FOREIGN KEY ("round_id") REFERENCES "rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "essay_assignments" ADD CONSTRAINT "FK_essay_assignments_entry" FOREIGN KEY ("entry_id") REFERENCES "essay_entries"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "essay_assignments" ADD CONSTRAINT "FK_essay_assignments_judge" FOREIGN KEY ("judge_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "essay_round_states" ADD CONSTRAINT "FK_essay_round_states_round" FOREIGN KEY ("round_id") REFERENCES "rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "essay_round_states" ADD CONSTRAINT "FK_essay_round_states_source_round" FOREIGN KEY ("source_round_id") REFERENCES "rounds"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "essay_round_states" DROP CONSTRAINT "FK_essay_round_states_source_round"`);
    await queryRunner.query(`ALTER TABLE "essay_round_states" DROP CONSTRAINT "FK_essay_round_states_round"`);
    await queryRunner.query(`ALTER TABLE "essay_assignments" DROP CONSTRAINT "FK_essay_assignments_judge"`);
    await queryRunner.query(`ALTER TABLE "essay_assignments" DROP CONSTRAINT "FK_essay_assignments_entry"`);
    await queryRunner.query(`ALTER TABLE "essay_assignments" DROP CONSTRAINT "FK_essay_assignments_round"`);
    await queryRunner.query(`ALTER TABLE "essay_entries" DROP CONSTRAINT "FK_essay_entries_source"`);
    await queryRunner.query(`ALTER TABLE "essay_entries" DROP CONSTRAINT "FK_essay_entries_author"`);
    await queryRunner.query(`ALTER TABLE "essay_entries" DROP CONSTRAINT "FK_essay_entries_round"`);
    await queryRunner.query(`DROP TABLE "essay_round_states"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_essay_assignments_entry_judge"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_essay_assignments_judge_round"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_essay_assignments_round"`);
    await queryRunner.query(`DROP TABLE "essay_assignments"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_essay_entries_round_number"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_essay_entries_round_author"`);
    await queryRunner.query(`DROP TABLE "essay_entries"`);
  }
}
