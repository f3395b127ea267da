import { MigrationInterface, QueryRunner } from 'typeorm';

export class CriminalCases1795815666393 implements MigrationInterface {
  name = 'CriminalCases1795815666393';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "criminal_case" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "opened_on" date NOT NULL, "charges" text array NOT NULL, "district_id" character varying(20) NOT NULL, "suspects" integer NOT NULL DEFAULT \'0\', "victims" integer NOT NULL DEFAULT \'0\', "minor_victims" integer NOT NULL DEFAULT \'0\', "dealt_with_on" date, "outcome" character varying(20), "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_18ba7a251247041381ed7eb55cd" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_b42d0ec6011d1fdf54cd3b23fb" ON "criminal_case" ("district_id", "opened_on") ');
    await queryRunner.query('CREATE INDEX "IDX_f4659befeb4c388bd336dd7703" ON "criminal_case" ("dealt_with_on") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_f4659befeb4c388bd336dd7703"');
    await queryRunner.query('DROP INDEX "public"."IDX_b42d0ec6011d1fdf54cd3b23fb"');
    await queryRunner.query('DROP TABLE "criminal_case"');
  }
}
