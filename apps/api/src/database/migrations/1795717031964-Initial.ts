import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795717031964 implements MigrationInterface {
  name = 'Initial1795717031964';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "contests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(300) NOT NULL, "description" text, "kind" character varying(10) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'draft', "eligible_unit_ids" uuid array NOT NULL DEFAULT '{}', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_contests_status" CHECK ("status" IN ('draft', 'published', 'finished')), CONSTRAINT "CHK_contests_kind" CHECK ("kind" IN ('quiz', 'essay')), CONSTRAINT "PK_0b8012f5cf6f444a52179e1227a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_contests_status_created_at" ON "contests"  ("status", "created_at") `);
    await queryRunner.query(`CREATE TABLE "units" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(300) NOT NULL, "parent_id" uuid, "member_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_units_member_count" CHECK ("member_count" >= 0), CONSTRAINT "PK_5a8f2f064919b587d93936cb223" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_units_parent_id" ON "units"  ("parent_id") `);
    await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "full_name" character varying(200) NOT NULL, "email" character varying(320) NOT NULL, "password_hash" text NOT NULL, "phone" character varying(20), "unit_id" uuid, "roles" text array NOT NULL DEFAULT '{member}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_users_email" ON "users"  ("email") `);
    await queryRunner.query(`CREATE INDEX "IDX_users_unit_id" ON "users"  ("unit_id") `);
    await queryRunner.query(`ALTER TABLE "units" ADD CONSTRAINT "FK_units_parent" FOREIGN KEY ("parent_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_users_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_users_unit"`);
    await queryRunner.query(`ALTER TABLE "units" DROP CONSTRAINT "FK_units_parent"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_users_unit_id"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_users_email"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_units_parent_id"`);
    await queryRunner.query(`DROP TABLE "units"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_contests_status_created_at"`);
    await queryRunner.query(`DROP TABLE "contests"`);
  }
}
