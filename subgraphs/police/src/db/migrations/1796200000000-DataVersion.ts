import { MigrationInterface, QueryRunner } from 'typeorm';
import { addDataVersion, dropDataVersion } from '@qn/common';

/** Every table results are computed from carries a data version (`data-version.ts`): kept results are never stale. */
const TABLES = ['criminal_case', 'inspection', 'service_business', 'tip'];

export class DataVersion1796200000000 implements MigrationInterface {
  name = 'DataVersion1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addDataVersion(queryRunner, TABLES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropDataVersion(queryRunner, TABLES);
  }
}
