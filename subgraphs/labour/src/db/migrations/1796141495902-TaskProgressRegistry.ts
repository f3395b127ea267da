import { MigrationInterface, QueryRunner } from 'typeorm';

/** The task-progress registry: one entry per task, period and unit, changed only against its version. */
export class TaskProgressRegistry1796141495902 implements MigrationInterface {
  name = 'TaskProgressRegistry1796141495902';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "task_progress_entry" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "task_code" character varying(30) NOT NULL, "period" character varying(10) NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "unit_id" character varying(30) NOT NULL, "status" character varying(20) NOT NULL, "figures" jsonb NOT NULL DEFAULT \'{}\', "evidence" text NOT NULL DEFAULT \'\', "agency_code" character varying(30) NOT NULL, "version" integer NOT NULL DEFAULT \'1\', "entered_by" character varying(200) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_03d1cfa1f2f1b27d0d89d0fdb6e" UNIQUE ("task_code", "period", "unit_id"), CONSTRAINT "PK_3927f79285ea048d9814a857945" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_284e850d1305b3ba04be430c93" ON "task_progress_entry" ("period_start", "period_end") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_284e850d1305b3ba04be430c93"');
    await queryRunner.query('DROP TABLE "task_progress_entry"');
  }
}
