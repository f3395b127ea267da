import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795814226293 implements MigrationInterface {
  name = 'Init1795814226293';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "institution" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "name" character varying(200) NOT NULL, "kind" character varying(30) NOT NULL, "district_id" character varying(20) NOT NULL, "commune_id" character varying(20), "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f60ee4ff0719b7df54830b39087" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_af37700f1b80ddd687a55b4884" ON "institution" ("district_id") ');
    await queryRunner.query(
      'CREATE TABLE "communication_session" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "institution_id" uuid NOT NULL, "school_year" character varying(9) NOT NULL, "held_on" date NOT NULL, "form" character varying(30) NOT NULL, "students_reached" integer NOT NULL, "topic" character varying(300), "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8eb17b787e2c3efddcfce7503cf" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_e64757e1b6e4ecf08c036341e9" ON "communication_session" ("held_on") ');
    await queryRunner.query('CREATE INDEX "IDX_f5551dcab2f89aa867ee315178" ON "communication_session" ("institution_id", "held_on") ');
    await queryRunner.query(
      'CREATE TABLE "enrolment" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "institution_id" uuid NOT NULL, "school_year" character varying(9) NOT NULL, "students" integer NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5d2679f6c891d77c58aa0e05f2b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_9d75c7ad790fca309df1789697" ON "enrolment" ("school_year") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_f3c69fadd4f4bd234c2050c21c" ON "enrolment" ("institution_id", "school_year") ');
    await queryRunner.query(
      'ALTER TABLE "communication_session" ADD CONSTRAINT "FK_dad096b563c38a26b032f8b66c8" FOREIGN KEY ("institution_id") REFERENCES "institution"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "enrolment" ADD CONSTRAINT "FK_18b94d035a69754c3243a49edf6" FOREIGN KEY ("institution_id") REFERENCES "institution"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "enrolment" DROP CONSTRAINT "FK_18b94d035a69754c3243a49edf6"');
    await queryRunner.query('ALTER TABLE "communication_session" DROP CONSTRAINT "FK_dad096b563c38a26b032f8b66c8"');
    await queryRunner.query('DROP INDEX "public"."IDX_f3c69fadd4f4bd234c2050c21c"');
    await queryRunner.query('DROP INDEX "public"."IDX_9d75c7ad790fca309df1789697"');
    await queryRunner.query('DROP TABLE "enrolment"');
    await queryRunner.query('DROP INDEX "public"."IDX_f5551dcab2f89aa867ee315178"');
    await queryRunner.query('DROP INDEX "public"."IDX_e64757e1b6e4ecf08c036341e9"');
    await queryRunner.query('DROP TABLE "communication_session"');
    await queryRunner.query('DROP INDEX "public"."IDX_af37700f1b80ddd687a55b4884"');
    await queryRunner.query('DROP TABLE "institution"');
  }
}
