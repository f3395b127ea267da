import { MigrationInterface, QueryRunner } from 'typeorm';

/** Units' comments on the violations of their reports (checks before submission). */
export class FigureComments1796143516699 implements MigrationInterface {
  name = 'FigureComments1796143516699';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "figure_comment" ("report_id" uuid NOT NULL, "violation_key" character varying(200) NOT NULL, "comment" text NOT NULL, "commented_by" character varying(200) NOT NULL, "commented_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_424f26ec27e8302c1d8a87c7986" PRIMARY KEY ("report_id", "violation_key"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "figure_comment"');
  }
}
