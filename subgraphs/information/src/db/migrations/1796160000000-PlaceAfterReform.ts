import { MigrationInterface, QueryRunner } from 'typeorm';

/** A publication names the commune-level unit it is about: the only place from 1/7/2025, optional within its district before. */
export class PlaceAfterReform1796160000000 implements MigrationInterface {
  name = 'PlaceAfterReform1796160000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "publication" ADD "commune_id" character varying(20)');
    await queryRunner.query('CREATE INDEX "IDX_b8f4b74d14b9f4cb3ce39a0677" ON "publication" ("commune_id", "published_on") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_b8f4b74d14b9f4cb3ce39a0677"');
    await queryRunner.query('ALTER TABLE "publication" DROP COLUMN "commune_id"');
  }
}
