import type { MigrationInterface, QueryRunner } from 'typeorm';

export class QuestionBank1795717610010 implements MigrationInterface {
  name = 'QuestionBank1795717610010';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Trigram indexes make diacritic-folded substring search an index scan (trusted extension since PG 13).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE TABLE "topics" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "parent_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e4aa99a3fa60ec3a37d1fc4e853" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_topics_parent_id" ON "topics"  ("parent_id") `);
    await queryRunner.query(`CREATE TABLE "questions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "topic_id" uuid NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'active', "current_version" integer NOT NULL, "current_version_id" uuid NOT NULL, "type" character varying(12) NOT NULL, "difficulty" character varying(6) NOT NULL, "text" text NOT NULL, "normalized_text" text NOT NULL, "search_text" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_questions_status" CHECK ("status" IN ('active', 'archived')), CONSTRAINT "PK_08a6d4b0f49ff300bf3a0ca60ac" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_questions_topic_normalized" ON "questions"  ("topic_id", "normalized_text") `);
    await queryRunner.query(`CREATE INDEX "IDX_questions_draw" ON "questions"  ("topic_id", "status", "difficulty") `);
    await queryRunner.query(`CREATE TABLE "question_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "question_id" uuid NOT NULL, "version" integer NOT NULL, "type" character varying(12) NOT NULL, "text" text NOT NULL, "options" jsonb NOT NULL, "difficulty" character varying(6) NOT NULL, "points" numeric(6,2) NOT NULL DEFAULT '1', "explanation" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_question_versions_points" CHECK ("points" > 0), CONSTRAINT "PK_cf0e5fdf563f7d8286f7d8e68ea" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_question_versions_question_version" ON "question_versions"  ("question_id", "version") `);
    // Written by hand (TypeORM cannot express these): unique sibling names, top level included, and search.
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_topics_parent_name" ON "topics" ("parent_id", "name") NULLS NOT DISTINCT`);
    await queryRunner.query(`CREATE INDEX "IDX_questions_search_trgm" ON "questions" USING gin ("search_text" gin_trgm_ops)`);
    await queryRunner.query(`ALTER TABLE "topics" ADD CONSTRAINT "FK_topics_parent" FOREIGN KEY ("parent_id") REFERENCES "topics"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "questions" ADD CONSTRAINT "FK_questions_topic" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "question_versions" ADD CONSTRAINT "FK_question_versions_question" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_questions_search_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_topics_parent_name"`);
    await queryRunner.query(`ALTER TABLE "question_versions" DROP CONSTRAINT "FK_question_versions_question"`);
    await queryRunner.query(`ALTER TABLE "questions" DROP CONSTRAINT "FK_questions_topic"`);
    await queryRunner.query(`ALTER TABLE "topics" DROP CONSTRAINT "FK_topics_parent"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_question_versions_question_version"`);
    await queryRunner.query(`DROP TABLE "question_versions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_questions_draw"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_questions_topic_normalized"`);
    await queryRunner.query(`DROP TABLE "questions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_topics_parent_id"`);
    await queryRunner.query(`DROP TABLE "topics"`);
  }
}
