import { MigrationInterface, QueryRunner } from 'typeorm';
import { addDataVersion, dropDataVersion } from '@qn/common';

/** Every table results are computed from carries a data version (`data-version.ts`): kept results are never stale. */
const TABLES = [
  'agency',
  'budget_estimate',
  'business_outreach',
  'communication_activity',
  'district_plan',
  'figure_comment',
  'indicator',
  'industrial_zone',
  'need_assessment',
  'org_unit',
  'org_unit_succession',
  'pilot_model',
  'programme_integration',
  'report',
  'report_deadline',
  'report_event',
  'reporting_contact',
  'staff_in_post',
  'support_client',
  'support_service_use',
  'task',
  'task_measure',
  'task_progress_entry',
  'training_course',
  'zone_outreach',
  'zone_workforce',
];

export class DataVersion1796200000000 implements MigrationInterface {
  name = 'DataVersion1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addDataVersion(queryRunner, TABLES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropDataVersion(queryRunner, TABLES);
  }
}
