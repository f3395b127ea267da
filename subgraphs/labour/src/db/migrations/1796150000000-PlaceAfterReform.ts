import { MigrationInterface, QueryRunner } from 'typeorm';

/** A communication activity after 30/6/2025 has a commune-level unit and no district. */
export class PlaceAfterReform1796150000000 implements MigrationInterface {
  name = 'PlaceAfterReform1796150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "communication_activity" ALTER COLUMN "district_id" DROP NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "communication_activity" ALTER COLUMN "district_id" SET NOT NULL');
  }
}
