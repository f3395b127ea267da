import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log every subgraph keeps in its own database. Triggers make it
 * append-only for every role, the application's included: an UPDATE, DELETE or
 * TRUNCATE fails and the rows stay.
 */
export class AuditLog1795815427288 implements MigrationInterface {
  name = 'AuditLog1795815427288';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_log" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "subject" character varying(200) NOT NULL, "agency" character varying(30), "roles" text array NOT NULL DEFAULT \'{}\', "action" character varying(60) NOT NULL, "entity" character varying(60) NOT NULL, "entity_ids" text array NOT NULL DEFAULT \'{}\', "fields" text array NOT NULL DEFAULT \'{}\', "request_id" character varying(60) NOT NULL, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5" ON "audit_log" ("at") ');
    await queryRunner.query(`CREATE FUNCTION qn_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query('CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION qn_append_only()');
    await queryRunner.query('CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION qn_append_only()');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_log_no_truncate ON "audit_log"');
    await queryRunner.query('DROP TRIGGER audit_log_append_only ON "audit_log"');
    await queryRunner.query('DROP INDEX "public"."IDX_ba27cef5b8b2b1a756e06ebcc5"');
    await queryRunner.query('DROP TABLE "audit_log"');
    await queryRunner.query('DROP FUNCTION qn_append_only()');
  }
}

/** Each audit row names the district of the records it is about, so a district's heads read only their district's rows. */
export class AuditDistrict1796150000000 implements MigrationInterface {
  name = 'AuditDistrict1796150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "audit_log" ADD "district_id" character varying(30)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "audit_log" DROP COLUMN "district_id"');
  }
}

/**
 * The idempotency keys of every subgraph's changes (`idempotent`, `createOnce`), one
 * caller's keys apart from another's. Labour's database has had the table since its
 * reports (same shape): there this migration finds it and changes nothing, so rolling
 * it back leaves the table too.
 */
export class IdempotencyKeys1796160000000 implements MigrationInterface {
  name = 'IdempotencyKeys1796160000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE IF NOT EXISTS "idempotency_key" ("key" character varying(200) NOT NULL, "operation" character varying(60) NOT NULL, "subject" character varying(200) NOT NULL, "request_hash" character varying(64) NOT NULL, "response" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_15bbc5298ddd8af57469af2fb58" PRIMARY KEY ("subject", "key"))',
    );
  }

  async down(): Promise<void> {
    // Left in place: in labour's database the table predates this migration.
  }
}

/** Migrations every subgraph's database runs besides its own. */
export const COMMON_MIGRATIONS: Function[] = [AuditLog1795815427288, AuditDistrict1796150000000, IdempotencyKeys1796160000000];
