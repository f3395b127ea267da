import { MigrationInterface, QueryRunner } from 'typeorm';

/** A harm-reduction contact or health check after 30/6/2025 has a commune-level unit and no district (before, a commune where health knows it). */
export class PlaceAfterReform1796160100000 implements MigrationInterface {
  name = 'PlaceAfterReform1796160100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "harm_reduction_contact" ADD "commune_id" character varying(20)');
    await queryRunner.query('ALTER TABLE "harm_reduction_contact" ALTER COLUMN "district_id" DROP NOT NULL');
    await queryRunner.query('CREATE INDEX "IDX_e2ceae78f506cb9d082d597aec" ON "harm_reduction_contact" ("commune_id", "contacted_on") ');
    await queryRunner.query('ALTER TABLE "periodic_health_check" ADD "commune_id" character varying(20)');
    await queryRunner.query('ALTER TABLE "periodic_health_check" ALTER COLUMN "district_id" DROP NOT NULL');
    await queryRunner.query('CREATE INDEX "IDX_cca68a4da62cf1e5ee404bd3d2" ON "periodic_health_check" ("commune_id", "checked_on") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_cca68a4da62cf1e5ee404bd3d2"');
    await queryRunner.query('ALTER TABLE "periodic_health_check" ALTER COLUMN "district_id" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "periodic_health_check" DROP COLUMN "commune_id"');
    await queryRunner.query('DROP INDEX "public"."IDX_e2ceae78f506cb9d082d597aec"');
    await queryRunner.query('ALTER TABLE "harm_reduction_contact" ALTER COLUMN "district_id" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "harm_reduction_contact" DROP COLUMN "commune_id"');
  }
}
