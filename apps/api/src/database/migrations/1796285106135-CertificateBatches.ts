import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CertificateBatches1796285106135 implements MigrationInterface {
  name = 'CertificateBatches1796285106135';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "certificate_batches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "winners" integer NOT NULL, "requested_by" uuid NOT NULL, "status" character varying(16) NOT NULL, "total" integer NOT NULL DEFAULT '0', "done" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_9358f0ebfa17fe9e85bae1822d3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_certificate_batches_round" ON "certificate_batches"  ("round_id", "created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_certificate_batches_round"`);
    await queryRunner.query(`DROP TABLE "certificate_batches"`);
  }
}
