import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795813735886 implements MigrationInterface {
  name = 'Init1795813735886';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "service_business" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "name" character varying(200) NOT NULL, "kind" character varying(20) NOT NULL, "district_id" character varying(20) NOT NULL, "commune_id" character varying(20), "employees" integer NOT NULL DEFAULT \'0\', "opened_on" date NOT NULL, "closed_on" date, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_89f78c853cdc9cc2231d0d6e031" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_5aedf54f8eba84c221cd3560d9" ON "service_business" ("district_id", "opened_on") ');
    await queryRunner.query(
      'CREATE TABLE "inspection" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "business_id" uuid NOT NULL, "inspected_on" date NOT NULL, "team" character varying(20) NOT NULL, "outcome" character varying(20) NOT NULL, "violations" integer NOT NULL DEFAULT \'0\', "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1e895c2ae7b7d9d1ec464950013" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_349d56990d732cb860e38a0603" ON "inspection" ("inspected_on") ');
    await queryRunner.query('CREATE INDEX "IDX_25441ed1b1366a7973e7590b25" ON "inspection" ("business_id", "inspected_on") ');
    await queryRunner.query(
      'CREATE TABLE "tip" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "kind" character varying(30) NOT NULL, "received_on" date NOT NULL, "channel" character varying(20) NOT NULL, "classification" character varying(30), "district_id" character varying(20) NOT NULL, "verification" character varying(20) NOT NULL DEFAULT \'PENDING\', "deadline_on" date NOT NULL, "handled_on" date, "outcome" character varying(30), "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_855d736988802b4ec0e07b7e762" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_bf559832d7e5bea7a82e3de483" ON "tip" ("district_id", "received_on") ');
    await queryRunner.query('CREATE INDEX "IDX_48015df608209a2c3ec1417398" ON "tip" ("received_on") ');
    await queryRunner.query(
      'ALTER TABLE "inspection" ADD CONSTRAINT "FK_bffcfd75e0a5b6748db67b87762" FOREIGN KEY ("business_id") REFERENCES "service_business"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "inspection" DROP CONSTRAINT "FK_bffcfd75e0a5b6748db67b87762"');
    await queryRunner.query('DROP INDEX "public"."IDX_48015df608209a2c3ec1417398"');
    await queryRunner.query('DROP INDEX "public"."IDX_bf559832d7e5bea7a82e3de483"');
    await queryRunner.query('DROP TABLE "tip"');
    await queryRunner.query('DROP INDEX "public"."IDX_25441ed1b1366a7973e7590b25"');
    await queryRunner.query('DROP INDEX "public"."IDX_349d56990d732cb860e38a0603"');
    await queryRunner.query('DROP TABLE "inspection"');
    await queryRunner.query('DROP INDEX "public"."IDX_5aedf54f8eba84c221cd3560d9"');
    await queryRunner.query('DROP TABLE "service_business"');
  }
}
