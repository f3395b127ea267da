import { MigrationInterface, QueryRunner } from 'typeorm';

export class TipNotes1795815790884 implements MigrationInterface {
  name = 'TipNotes1795815790884';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tip" ADD "notes" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tip" DROP COLUMN "notes"');
  }
}
