import { MigrationInterface, QueryRunner } from 'typeorm';

/** What each task's progress is counted in: catalogue data (catalogue/data/measures.json). */
export class TaskMeasures1796140548104 implements MigrationInterface {
  name = 'TaskMeasures1796140548104';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "task_measure" ("task_code" character varying(30) NOT NULL, "code" character varying(40) NOT NULL, "position" integer NOT NULL, "unit" character varying(20) NOT NULL, "label_vi" text NOT NULL, "label_en" text NOT NULL, "source" character varying(10) NOT NULL, CONSTRAINT "PK_cc3554db2644543bbafe69d4fa5" PRIMARY KEY ("task_code", "code"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "task_measure"');
  }
}
