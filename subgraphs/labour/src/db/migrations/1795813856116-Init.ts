import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795813856116 implements MigrationInterface {
  name = 'Init1795813856116';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "agency" ("code" character varying(30) NOT NULL, "section" character varying(10) NOT NULL, "name_vi" character varying(300) NOT NULL, "name_en" character varying(300) NOT NULL, "subgraph" character varying(20) NOT NULL, "mandate" character varying(20) NOT NULL, "is_group" boolean NOT NULL DEFAULT false, "valid_from" date NOT NULL, "valid_to" date, "successor_code" character varying(30), "ordinal" integer NOT NULL, CONSTRAINT "PK_fbda24d0286deca69d0b8d30f10" PRIMARY KEY ("code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "org_unit" ("id" character varying(20) NOT NULL, "code" character varying(10) NOT NULL, "name" character varying(200) NOT NULL, "level" character varying(10) NOT NULL, "kind" character varying(20) NOT NULL, "parent_id" character varying(20), "valid_from" date NOT NULL, "valid_to" date, CONSTRAINT "PK_ba1c59043dc14bb66023c1d07c7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_b8e4301109a2850200ba2c7c51" ON "org_unit" ("parent_id") ');
    await queryRunner.query(
      'CREATE TABLE "org_unit_succession" ("predecessor_id" character varying(20) NOT NULL, "successor_key" character varying(20) NOT NULL, "successor_id" character varying(20), "date" date NOT NULL, "kind" character varying(20) NOT NULL, "legal_basis" character varying(200), CONSTRAINT "PK_d98eeaea07238a6480c57fb3fe8" PRIMARY KEY ("predecessor_id", "successor_key"))',
    );
    await queryRunner.query(
      'CREATE TABLE "indicator" ("code" character varying(20) NOT NULL, "group" character varying(10) NOT NULL, "ordinal" integer NOT NULL, "title_vi" text NOT NULL, "sentence_vi" text NOT NULL, "title_en" text NOT NULL, "owner_code" character varying(30) NOT NULL, "owner_subgraph" character varying(20) NOT NULL, "contributor_codes" text array NOT NULL DEFAULT \'{}\', "target" jsonb NOT NULL, "numerator_en" text NOT NULL, "denominator_en" text NOT NULL, CONSTRAINT "PK_843bf8c0de69be8ea15fdc25fb7" PRIMARY KEY ("code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "task" ("code" character varying(30) NOT NULL, "section" character varying(10) NOT NULL, "ordinal" integer NOT NULL, "position" integer NOT NULL, "title_vi" text NOT NULL, "title_en" text NOT NULL, "owner_code" character varying(30) NOT NULL, "owner_subgraph" character varying(20) NOT NULL, "co_owner_codes" text array NOT NULL DEFAULT \'{}\', "indicator_codes" text array NOT NULL DEFAULT \'{}\', CONSTRAINT "PK_ca4a3a0d8c19b661356df9a83e4" PRIMARY KEY ("code"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "task"');
    await queryRunner.query('DROP TABLE "indicator"');
    await queryRunner.query('DROP TABLE "org_unit_succession"');
    await queryRunner.query('DROP INDEX "public"."IDX_b8e4301109a2850200ba2c7c51"');
    await queryRunner.query('DROP TABLE "org_unit"');
    await queryRunner.query('DROP TABLE "agency"');
  }
}
