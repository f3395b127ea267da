import { MigrationInterface, QueryRunner } from 'typeorm';

/** An institution carries the commune-level unit it is in from 1/7/2025, where its later sessions stand. */
export class PlaceAfterReform1796160000000 implements MigrationInterface {
  name = 'PlaceAfterReform1796160000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "institution" ADD "commune_after_reform_id" character varying(20)');
    await queryRunner.query('CREATE INDEX "IDX_ba65e3472df0544b5b42fab5aa" ON "institution" ("commune_after_reform_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_ba65e3472df0544b5b42fab5aa"');
    await queryRunner.query('ALTER TABLE "institution" DROP COLUMN "commune_after_reform_id"');
  }
}
