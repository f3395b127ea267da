import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795814396756 implements MigrationInterface {
  name = 'Init1795814396756';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "harm_reduction_contact" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "client_code" character varying(12) NOT NULL, "contacted_on" date NOT NULL, "district_id" character varying(20) NOT NULL, "service" character varying(30) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1166aa82ff39043328a8eac3424" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_407afd6b0e85522944fc27e3b0" ON "harm_reduction_contact" ("client_code") ');
    await queryRunner.query('CREATE INDEX "IDX_dacd2bd522fabc64f02fc36552" ON "harm_reduction_contact" ("district_id", "contacted_on") ');
    await queryRunner.query('CREATE INDEX "IDX_2e00521a88c4e587a2a7e185a9" ON "harm_reduction_contact" ("contacted_on") ');
    await queryRunner.query(
      'CREATE TABLE "periodic_health_check" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "business_id" uuid NOT NULL, "checked_on" date NOT NULL, "staff_checked" integer NOT NULL, "staff_referred" integer NOT NULL DEFAULT \'0\', "district_id" character varying(20) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_31518e1563ff5184b69ec157c38" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_016145a1cca25f4f5cdbfeb554" ON "periodic_health_check" ("business_id", "checked_on") ');
    await queryRunner.query('CREATE INDEX "IDX_ac68632b94431cf29b1704e13f" ON "periodic_health_check" ("district_id", "checked_on") ');
    await queryRunner.query('CREATE INDEX "IDX_976ff5ca46bf8394f38c4f77f5" ON "periodic_health_check" ("checked_on") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_976ff5ca46bf8394f38c4f77f5"');
    await queryRunner.query('DROP INDEX "public"."IDX_ac68632b94431cf29b1704e13f"');
    await queryRunner.query('DROP INDEX "public"."IDX_016145a1cca25f4f5cdbfeb554"');
    await queryRunner.query('DROP TABLE "periodic_health_check"');
    await queryRunner.query('DROP INDEX "public"."IDX_2e00521a88c4e587a2a7e185a9"');
    await queryRunner.query('DROP INDEX "public"."IDX_dacd2bd522fabc64f02fc36552"');
    await queryRunner.query('DROP INDEX "public"."IDX_407afd6b0e85522944fc27e3b0"');
    await queryRunner.query('DROP TABLE "harm_reduction_contact"');
  }
}
