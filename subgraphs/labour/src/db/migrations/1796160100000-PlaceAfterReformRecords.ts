import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Labour's other records after 30/6/2025: support clients, pilot models and training courses carry
 * the commune-level unit of their date (no district after the reform); long-lived places (zones,
 * persons followed, pilots running across the reform) carry the unit they are in from 1/7/2025.
 */
export class PlaceAfterReformRecords1796160100000 implements MigrationInterface {
  name = 'PlaceAfterReformRecords1796160100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "pilot_model" ADD "commune_id" character varying(20)');
    await queryRunner.query('ALTER TABLE "pilot_model" ADD "commune_after_reform_id" character varying(20)');
    await queryRunner.query('ALTER TABLE "support_client" ADD "commune_id" character varying(20)');
    await queryRunner.query('ALTER TABLE "support_client" ADD "commune_after_reform_id" character varying(20)');
    await queryRunner.query('ALTER TABLE "training_course" ADD "commune_id" character varying(20)');
    await queryRunner.query('ALTER TABLE "industrial_zone" ADD "commune_after_reform_id" character varying(20)');
    await queryRunner.query('DROP INDEX "public"."IDX_312804970ca6396d64cd6af775"');
    await queryRunner.query('ALTER TABLE "pilot_model" ALTER COLUMN "district_id" DROP NOT NULL');
    await queryRunner.query('ALTER TABLE "support_client" ALTER COLUMN "district_id" DROP NOT NULL');
    await queryRunner.query('CREATE INDEX "IDX_312804970ca6396d64cd6af775" ON "pilot_model" ("district_id", "started_on") ');
    await queryRunner.query('CREATE INDEX "IDX_4a5f01e17ca7bc5a8231dab062" ON "support_client" ("commune_after_reform_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_4a5f01e17ca7bc5a8231dab062"');
    await queryRunner.query('DROP INDEX "public"."IDX_312804970ca6396d64cd6af775"');
    await queryRunner.query('ALTER TABLE "support_client" ALTER COLUMN "district_id" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "pilot_model" ALTER COLUMN "district_id" SET NOT NULL');
    await queryRunner.query('CREATE INDEX "IDX_312804970ca6396d64cd6af775" ON "pilot_model" ("district_id", "started_on") ');
    await queryRunner.query('ALTER TABLE "industrial_zone" DROP COLUMN "commune_after_reform_id"');
    await queryRunner.query('ALTER TABLE "training_course" DROP COLUMN "commune_id"');
    await queryRunner.query('ALTER TABLE "support_client" DROP COLUMN "commune_after_reform_id"');
    await queryRunner.query('ALTER TABLE "support_client" DROP COLUMN "commune_id"');
    await queryRunner.query('ALTER TABLE "pilot_model" DROP COLUMN "commune_after_reform_id"');
    await queryRunner.query('ALTER TABLE "pilot_model" DROP COLUMN "commune_id"');
  }
}
