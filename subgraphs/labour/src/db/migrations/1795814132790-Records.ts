import { MigrationInterface, QueryRunner } from 'typeorm';

export class Records1795814132790 implements MigrationInterface {
  name = 'Records1795814132790';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "communication_activity" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "form" character varying(20) NOT NULL, "held_on" date NOT NULL, "district_id" character varying(20) NOT NULL, "commune_id" character varying(20) NOT NULL, "audience" character varying(20) NOT NULL, "participants" integer NOT NULL DEFAULT \'0\', "note" character varying(500), "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_02204155505c86eafabc4755648" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_08f582025ebb723a816ba25125" ON "communication_activity" ("district_id", "held_on") ');
    await queryRunner.query('CREATE INDEX "IDX_ca65f99028fe91fd7da2fc8244" ON "communication_activity" ("commune_id", "held_on") ');
    await queryRunner.query(
      'CREATE TABLE "district_plan" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "district_id" character varying(20) NOT NULL, "year" integer NOT NULL, "adopted_on" date NOT NULL, "document_number" character varying(100), "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_9a0969089316b0e15af24b89dfe" UNIQUE ("district_id", "year"), CONSTRAINT "PK_77af55811e2ba76f03018d13cb7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "programme_integration" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "district_id" character varying(20) NOT NULL, "programme" character varying(20) NOT NULL, "year" integer NOT NULL, "note" character varying(500), "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_2ead41a99976dc083ea1ad9f949" UNIQUE ("district_id", "programme", "year"), CONSTRAINT "PK_b4403eb99b41b17d774745106c3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "pilot_model" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "name" character varying(200) NOT NULL, "kind" character varying(30) NOT NULL, "district_id" character varying(20) NOT NULL, "started_on" date NOT NULL, "ended_on" date, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_271102612e85c14a8849c81bcd9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_312804970ca6396d64cd6af775" ON "pilot_model" ("district_id", "started_on") ');
    await queryRunner.query(
      'CREATE TABLE "support_client" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "code" character varying(12) NOT NULL, "district_id" character varying(20) NOT NULL, "registered_on" date NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_70cfcc92c6e0fed1f9aff806920" UNIQUE ("code"), CONSTRAINT "PK_9850ad77ffce0130a207e8e7657" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_4971cd9d23859c47d2ae044298" ON "support_client" ("district_id") ');
    await queryRunner.query(
      'CREATE TABLE "need_assessment" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "client_id" uuid NOT NULL, "assessed_on" date NOT NULL, "in_need" boolean NOT NULL, "eligible" boolean NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_115c88b82be48ac33f8af96a49a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_370a3c6c92a15c0d8f9a62405f" ON "need_assessment" ("assessed_on") ');
    await queryRunner.query('CREATE INDEX "IDX_b084a982a12faa73cdec944c21" ON "need_assessment" ("client_id", "assessed_on") ');
    await queryRunner.query(
      'CREATE TABLE "support_service_use" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "client_id" uuid NOT NULL, "service_kind" character varying(30) NOT NULL, "used_on" date NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_706bc80f007e41ad431356b6a93" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_509984016106ffd2b0bfbc9e87" ON "support_service_use" ("used_on") ');
    await queryRunner.query('CREATE INDEX "IDX_0093db39b16e837f3f70598c2f" ON "support_service_use" ("client_id", "used_on") ');
    await queryRunner.query(
      'CREATE TABLE "training_course" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "title" character varying(300) NOT NULL, "level" character varying(20) NOT NULL, "district_id" character varying(20), "held_on" date NOT NULL, "participants" integer NOT NULL, "new_trainees" integer NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_56adcccf0f40e261ee7cac6c6b1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_0949da0a09a3dc7e4c19f7e4fd" ON "training_course" ("level", "held_on") ');
    await queryRunner.query(
      'CREATE TABLE "staff_in_post" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "level" character varying(20) NOT NULL, "district_id" character varying(20), "district_key" character varying(20) NOT NULL DEFAULT \'\', "year" integer NOT NULL, "staff" integer NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_bd9b3dc293bf20a5e368ae225c6" UNIQUE ("level", "district_key", "year"), CONSTRAINT "PK_cd6d16f0ebd5f15cda7589d453e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "industrial_zone" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "name" character varying(200) NOT NULL, "kind" character varying(20) NOT NULL, "district_id" character varying(20) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_7c0a42d3608cb09a39dbb82c7f8" UNIQUE ("name"), CONSTRAINT "PK_bb75a96f4ee24ec791b9b497002" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "zone_workforce" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "zone_id" uuid NOT NULL, "year" integer NOT NULL, "workers_employed" integer NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_7aa130db4fa225c100e6e2bfcd0" UNIQUE ("zone_id", "year"), CONSTRAINT "PK_8d14a10d918e36ab5f474041452" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "zone_outreach" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "zone_id" uuid NOT NULL, "held_on" date NOT NULL, "workers_reached" integer NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_36f350f2abf8a4b90b065fae6a1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_71275680ff433276d833cb1fc7" ON "zone_outreach" ("zone_id", "held_on") ');
    await queryRunner.query(
      'CREATE TABLE "business_outreach" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "business_id" uuid NOT NULL, "district_id" character varying(20) NOT NULL, "commune_id" character varying(20), "held_on" date NOT NULL, "workers_employed" integer NOT NULL, "workers_reached" integer NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7e74a00fc73dd685fe62bcd1614" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_260fab4a1ec628f6987cce939b" ON "business_outreach" ("district_id", "held_on") ');
    await queryRunner.query('CREATE INDEX "IDX_6a8e0e0e8cf101bc41044bc8ff" ON "business_outreach" ("business_id", "held_on") ');
    await queryRunner.query(
      'ALTER TABLE "need_assessment" ADD CONSTRAINT "FK_7397518b933787bb7385fc2d63e" FOREIGN KEY ("client_id") REFERENCES "support_client"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "support_service_use" ADD CONSTRAINT "FK_152e82a704d326edd73951e6ec9" FOREIGN KEY ("client_id") REFERENCES "support_client"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "zone_workforce" ADD CONSTRAINT "FK_e4a8418ce2308c97f4190b0ac18" FOREIGN KEY ("zone_id") REFERENCES "industrial_zone"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "zone_outreach" ADD CONSTRAINT "FK_01f1e80004ed41bcfafec7dc5e1" FOREIGN KEY ("zone_id") REFERENCES "industrial_zone"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "zone_outreach" DROP CONSTRAINT "FK_01f1e80004ed41bcfafec7dc5e1"');
    await queryRunner.query('ALTER TABLE "zone_workforce" DROP CONSTRAINT "FK_e4a8418ce2308c97f4190b0ac18"');
    await queryRunner.query('ALTER TABLE "support_service_use" DROP CONSTRAINT "FK_152e82a704d326edd73951e6ec9"');
    await queryRunner.query('ALTER TABLE "need_assessment" DROP CONSTRAINT "FK_7397518b933787bb7385fc2d63e"');
    await queryRunner.query('DROP INDEX "public"."IDX_6a8e0e0e8cf101bc41044bc8ff"');
    await queryRunner.query('DROP INDEX "public"."IDX_260fab4a1ec628f6987cce939b"');
    await queryRunner.query('DROP TABLE "business_outreach"');
    await queryRunner.query('DROP INDEX "public"."IDX_71275680ff433276d833cb1fc7"');
    await queryRunner.query('DROP TABLE "zone_outreach"');
    await queryRunner.query('DROP TABLE "zone_workforce"');
    await queryRunner.query('DROP TABLE "industrial_zone"');
    await queryRunner.query('DROP TABLE "staff_in_post"');
    await queryRunner.query('DROP INDEX "public"."IDX_0949da0a09a3dc7e4c19f7e4fd"');
    await queryRunner.query('DROP TABLE "training_course"');
    await queryRunner.query('DROP INDEX "public"."IDX_0093db39b16e837f3f70598c2f"');
    await queryRunner.query('DROP INDEX "public"."IDX_509984016106ffd2b0bfbc9e87"');
    await queryRunner.query('DROP TABLE "support_service_use"');
    await queryRunner.query('DROP INDEX "public"."IDX_b084a982a12faa73cdec944c21"');
    await queryRunner.query('DROP INDEX "public"."IDX_370a3c6c92a15c0d8f9a62405f"');
    await queryRunner.query('DROP TABLE "need_assessment"');
    await queryRunner.query('DROP INDEX "public"."IDX_4971cd9d23859c47d2ae044298"');
    await queryRunner.query('DROP TABLE "support_client"');
    await queryRunner.query('DROP INDEX "public"."IDX_312804970ca6396d64cd6af775"');
    await queryRunner.query('DROP TABLE "pilot_model"');
    await queryRunner.query('DROP TABLE "programme_integration"');
    await queryRunner.query('DROP TABLE "district_plan"');
    await queryRunner.query('DROP INDEX "public"."IDX_ca65f99028fe91fd7da2fc8244"');
    await queryRunner.query('DROP INDEX "public"."IDX_08f582025ebb723a816ba25125"');
    await queryRunner.query('DROP TABLE "communication_activity"');
  }
}
