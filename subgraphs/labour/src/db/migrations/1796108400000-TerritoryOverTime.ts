import { MigrationInterface, QueryRunner } from 'typeorm';

/** Units carry their former province and the plan's scope; successions say whether only part of a unit went on. */
export class TerritoryOverTime1796108400000 implements MigrationInterface {
  name = 'TerritoryOverTime1796108400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "org_unit" ADD "former_province" character varying(10) NOT NULL DEFAULT \'51\'');
    await queryRunner.query('ALTER TABLE "org_unit" ADD "in_plan_scope" boolean NOT NULL DEFAULT true');
    await queryRunner.query('ALTER TABLE "org_unit_succession" ADD "part" boolean NOT NULL DEFAULT false');
    await queryRunner.query('ALTER TABLE "org_unit_succession" ADD "notes" character varying(600)');
    // Xã Nghĩa Mỹ was recorded without a receiving unit; the catalogue now names one.
    await queryRunner.query('DELETE FROM "org_unit_succession" WHERE "predecessor_id" = \'21286\' AND "successor_key" = \'\'');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "org_unit_succession" DROP COLUMN "notes"');
    await queryRunner.query('ALTER TABLE "org_unit_succession" DROP COLUMN "part"');
    await queryRunner.query('ALTER TABLE "org_unit" DROP COLUMN "in_plan_scope"');
    await queryRunner.query('ALTER TABLE "org_unit" DROP COLUMN "former_province"');
  }
}
