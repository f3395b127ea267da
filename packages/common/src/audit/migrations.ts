import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log every subgraph keeps in its own database. Triggers make it
 * append-only for every role, the application's included: an UPDATE, DELETE or
 * TRUNCATE fails and the rows stay.
 */
export class AuditLog1795815427288 implements MigrationInterface {
  name = 'AuditLog1795815427288';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"subject\" character varying(200) NOT NULL, \"agency\" character varying(30), \"roles\" text array NOT NULL DEFAULT '{}', \"action\" character varying(60) NOT NULL, \"entity\" character varying(60) NOT NULL, \"entity_ids\" text array NOT NULL DEFAULT '{}', \"fields\" text array NOT NULL DEFAULT '{}', \"request_id\" character varying(60) NOT NULL, CONSTRAINT \"PK_07fefa57f7f5ab8fc3f52b3ed0b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_ba27cef5b8b2b1a756e06ebcc5\" ON \"audit_log\" (\"at\") ");
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
    await queryRunner.query("DROP INDEX \"public\".\"IDX_ba27cef5b8b2b1a756e06ebcc5\"");
    await queryRunner.query("DROP TABLE \"audit_log\"");
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

/** Migrations every subgraph's database runs besides its own. */
export const COMMON_MIGRATIONS: Function[] = [AuditLog1795815427288, AuditDistrict1796150000000];
