import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1796170000000 implements MigrationInterface {
  name = 'Notifications1796170000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "reporting_contact" ("unit_id" character varying(30) NOT NULL, "address" character varying(254) NOT NULL, "label" character varying(200) NOT NULL, CONSTRAINT "PK_a620c8b6215a79fc60724356845" PRIMARY KEY ("unit_id", "address"))',
    );
    await queryRunner.query(
      'CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "unit_id" character varying(30) NOT NULL, "period" character varying(10) NOT NULL, "kind" character varying(12) NOT NULL, "dedupe_key" character varying(200) NOT NULL, "report_id" uuid, "recipients" text array NOT NULL, "subject" character varying(300) NOT NULL, "body" text NOT NULL, "status" character varying(10) NOT NULL DEFAULT \'PENDING\', "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "message_id" character varying(300), CONSTRAINT "UQ_b390c6bcca8179ba55a6eb95fac" UNIQUE ("dedupe_key"), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_436404f69c517d02b7094b629a" ON "notification" ("unit_id", "created_at") ');
    await queryRunner.query('CREATE INDEX "IDX_93a98cabcd392b8a77d9a9daec" ON "notification" ("status", "next_attempt_at") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_93a98cabcd392b8a77d9a9daec"');
    await queryRunner.query('DROP INDEX "public"."IDX_436404f69c517d02b7094b629a"');
    await queryRunner.query('DROP TABLE "notification"');
    await queryRunner.query('DROP TABLE "reporting_contact"');
  }
}
