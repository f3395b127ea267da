import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports (section VI), their append-only history, deadlines, idempotency keys and
 * budget estimates. Triggers make the rules hold for every database role, the
 * application's included: `report_event` refuses UPDATE, DELETE and TRUNCATE; a `report`
 * row is never deleted, an APPROVED one is never changed (a correction is a new
 * revision row), and a submitted report's content cannot change while it waits.
 */
export class Reporting1795816144815 implements MigrationInterface {
  name = 'Reporting1795816144815';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "report" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "period" character varying(10) NOT NULL, "unit_id" character varying(30) NOT NULL, "unit_kind" character varying(10) NOT NULL, "unit_name" character varying(300) NOT NULL, "revision" integer NOT NULL DEFAULT \'1\', "corrects_id" uuid, "correction_reason" text, "status" character varying(12) NOT NULL, "version" integer NOT NULL DEFAULT \'1\', "results" text NOT NULL DEFAULT \'\', "difficulties" text NOT NULL DEFAULT \'\', "proposals" text NOT NULL DEFAULT \'\', "figures" jsonb NOT NULL, "return_reason" text, "first_submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_by" character varying(200), "approved_at" TIMESTAMP WITH TIME ZONE, "approved_by" character varying(200), "created_by" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_25a79a1b01f1f46b30244c4ae1b" UNIQUE ("period", "unit_id", "revision"), CONSTRAINT "PK_99e4d0bea58cba73c57f935a546" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_841b0cf9ab202a176f5c48e7a8" ON "report" ("period", "status") ');
    await queryRunner.query(
      'CREATE TABLE "report_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "report_id" uuid NOT NULL, "period" character varying(10) NOT NULL, "unit_id" character varying(30) NOT NULL, "version" integer NOT NULL, "action" character varying(20) NOT NULL, "status" character varying(12) NOT NULL, "reason" text, "actor" character varying(200) NOT NULL, "actor_agency" character varying(30), "actor_roles" text array NOT NULL DEFAULT \'{}\', "at" TIMESTAMP WITH TIME ZONE NOT NULL, "snapshot" jsonb NOT NULL, CONSTRAINT "PK_247b406f3221ad7b2c4b4f09933" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_6fd74cc73e5ffafd2a2bd2da5d" ON "report_event" ("report_id", "version") ');
    await queryRunner.query(`CREATE FUNCTION qn_report_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'report history (%) is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER report_event_append_only BEFORE UPDATE OR DELETE ON "report_event" FOR EACH ROW EXECUTE FUNCTION qn_report_history_append_only()',
    );
    await queryRunner.query(
      'CREATE TRIGGER report_event_no_truncate BEFORE TRUNCATE ON "report_event" FOR EACH STATEMENT EXECUTE FUNCTION qn_report_history_append_only()',
    );
    await queryRunner.query('CREATE TRIGGER report_no_delete BEFORE DELETE ON "report" FOR EACH ROW EXECUTE FUNCTION qn_report_history_append_only()');
    await queryRunner.query(
      'CREATE TRIGGER report_no_truncate BEFORE TRUNCATE ON "report" FOR EACH STATEMENT EXECUTE FUNCTION qn_report_history_append_only()',
    );
    await queryRunner.query(`CREATE FUNCTION qn_report_locked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'APPROVED' THEN
          RAISE EXCEPTION 'report % is approved and locked: a change is a correction (a new revision)', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.status IN ('SUBMITTED', 'RESUBMITTED') AND (NEW.figures IS DISTINCT FROM OLD.figures OR NEW.results IS DISTINCT FROM OLD.results
            OR NEW.difficulties IS DISTINCT FROM OLD.difficulties OR NEW.proposals IS DISTINCT FROM OLD.proposals) THEN
          RAISE EXCEPTION 'report % is submitted: its content stays as submitted until DOLISA returns it', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.id <> OLD.id OR NEW.period <> OLD.period OR NEW.unit_id <> OLD.unit_id OR NEW.revision <> OLD.revision THEN
          RAISE EXCEPTION 'report %: period, unit and revision never change', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query('CREATE TRIGGER report_locked BEFORE UPDATE ON "report" FOR EACH ROW EXECUTE FUNCTION qn_report_locked()');
    await queryRunner.query(
      'CREATE TABLE "report_deadline" ("period" character varying(10) NOT NULL, "deadline" date NOT NULL, "set_by" character varying(200) NOT NULL, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f58e96ac24e43a41adf9c0fc98c" PRIMARY KEY ("period"))',
    );
    await queryRunner.query(
      'CREATE TABLE "idempotency_key" ("key" character varying(200) NOT NULL, "operation" character varying(60) NOT NULL, "subject" character varying(200) NOT NULL, "request_hash" character varying(64) NOT NULL, "response" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fc9ce4ebc11d09b2e28198f69b8" PRIMARY KEY ("key"))',
    );
    await queryRunner.query(
      'CREATE TABLE "budget_estimate" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "year" integer NOT NULL, "unit_id" character varying(30) NOT NULL, "task_code" character varying(30) NOT NULL, "amount" bigint NOT NULL, "funding_source" character varying(20) NOT NULL, "note" text NOT NULL DEFAULT \'\', "version" integer NOT NULL DEFAULT \'1\', "updated_by" character varying(200) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_21cd6ef35f38890e298f54acdfd" UNIQUE ("year", "unit_id", "task_code"), CONSTRAINT "PK_68637579249db13f3ae796fc3a6" PRIMARY KEY ("id"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "budget_estimate"');
    await queryRunner.query('DROP TABLE "idempotency_key"');
    await queryRunner.query('DROP TABLE "report_deadline"');
    await queryRunner.query('DROP INDEX "public"."IDX_6fd74cc73e5ffafd2a2bd2da5d"');
    await queryRunner.query('DROP TABLE "report_event"');
    await queryRunner.query('DROP INDEX "public"."IDX_841b0cf9ab202a176f5c48e7a8"');
    await queryRunner.query('DROP TRIGGER report_locked ON "report"');
    await queryRunner.query('DROP TRIGGER report_no_truncate ON "report"');
    await queryRunner.query('DROP TRIGGER report_no_delete ON "report"');
    await queryRunner.query('DROP TRIGGER report_event_no_truncate ON "report_event"');
    await queryRunner.query('DROP TRIGGER report_event_append_only ON "report_event"');
    await queryRunner.query('DROP TABLE "report"');
    await queryRunner.query('DROP FUNCTION qn_report_locked()');
    await queryRunner.query('DROP FUNCTION qn_report_history_append_only()');
  }
}
