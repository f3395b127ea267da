import { MigrationInterface, QueryRunner } from 'typeorm';

/** A business outreach session after 30/6/2025 has its business's commune-level unit and no district. */
export class BusinessOutreachAfterReform1796160200000 implements MigrationInterface {
  name = 'BusinessOutreachAfterReform1796160200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "business_outreach" ALTER COLUMN "district_id" DROP NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "business_outreach" ALTER COLUMN "district_id" SET NOT NULL');
  }
}
