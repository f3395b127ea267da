import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795814331073 implements MigrationInterface {
  name = 'Init1795814331073';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "press_outlet" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "name" character varying(200) NOT NULL, "level" character varying(20) NOT NULL, "medium" character varying(20) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_49defffa56eca125b1d754d9d12" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_24e094c232b03eaf7ad85025b2" ON "press_outlet" ("name") ');
    await queryRunner.query(
      'CREATE TABLE "publication" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "outlet_id" uuid NOT NULL, "published_on" date NOT NULL, "kind" character varying(20) NOT NULL, "title" character varying(500) NOT NULL, "url" character varying(500), "district_id" character varying(20), "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8aea8363d5213896a78d8365fab" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_7c694e309ef92f4c513a37d916" ON "publication" ("district_id", "published_on") ');
    await queryRunner.query('CREATE INDEX "IDX_4d65639501050f417297c48d43" ON "publication" ("outlet_id", "published_on") ');
    await queryRunner.query('CREATE INDEX "IDX_bf4b092099b1a7b7cb44b29076" ON "publication" ("published_on") ');
    await queryRunner.query(
      'CREATE TABLE "website_blocking_proposal" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "domain" character varying(253) NOT NULL, "proposed_on" date NOT NULL, "blocked_on" date, "reason" character varying(30) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5a6e5156e56cf25aa59db727eaf" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_f6d369719f195189f77f72e1b2" ON "website_blocking_proposal" ("domain") ');
    await queryRunner.query('CREATE INDEX "IDX_a943a3a8357169ed34b258e3e8" ON "website_blocking_proposal" ("proposed_on") ');
    await queryRunner.query(
      'ALTER TABLE "publication" ADD CONSTRAINT "FK_b6e04ea3b77f6e24a0024534226" FOREIGN KEY ("outlet_id") REFERENCES "press_outlet"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "publication" DROP CONSTRAINT "FK_b6e04ea3b77f6e24a0024534226"');
    await queryRunner.query('DROP INDEX "public"."IDX_a943a3a8357169ed34b258e3e8"');
    await queryRunner.query('DROP INDEX "public"."IDX_f6d369719f195189f77f72e1b2"');
    await queryRunner.query('DROP TABLE "website_blocking_proposal"');
    await queryRunner.query('DROP INDEX "public"."IDX_bf4b092099b1a7b7cb44b29076"');
    await queryRunner.query('DROP INDEX "public"."IDX_4d65639501050f417297c48d43"');
    await queryRunner.query('DROP INDEX "public"."IDX_7c694e309ef92f4c513a37d916"');
    await queryRunner.query('DROP TABLE "publication"');
    await queryRunner.query('DROP INDEX "public"."IDX_24e094c232b03eaf7ad85025b2"');
    await queryRunner.query('DROP TABLE "press_outlet"');
  }
}
