import { MigrationInterface, QueryRunner } from 'typeorm';

/** An institution registered from 1/7/2025 has no district: only its commune-level unit. */

export class InstitutionAfterReform1796180000000 implements MigrationInterface {
  name = 'InstitutionAfterReform1796180000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "institution" ALTER COLUMN "district_id" DROP NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "institution" ALTER COLUMN "district_id" SET NOT NULL');
  }
}
