import { MigrationInterface, QueryRunner } from 'typeorm';
import { REFORM_DATE, territory } from '@qn/common';

/**
 * Institutions registered before institutions carried their commune-level unit of
 * 1/7/2025 get it where the succession table gives exactly one unit for their commune
 * (or, with no commune, their district: Lý Sơn). The others (Trà Bùi's, split in two)
 * are named by education with updateInstitution before their later sessions are recorded.
 */
export class InstitutionUnitAfterReform1796160300000 implements MigrationInterface {
  name = 'InstitutionUnitAfterReform1796160300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const rows: { id: string; place: string }[] = await queryRunner.query(
      'SELECT id, coalesce(commune_id, district_id) AS place FROM institution WHERE commune_after_reform_id IS NULL',
    );
    for (const { id, place } of rows) {
      const units = territory.successors(place, REFORM_DATE).filter((l) => l.unit.level === 'COMMUNE' && l.unit.inPlanScope);
      if (units.length === 1 && !units[0].part) {
        await queryRunner.query('UPDATE institution SET commune_after_reform_id = $2 WHERE id = $1', [id, units[0].unit.id]);
      }
    }
  }

  async down(): Promise<void> {
    // The units set here cannot be told from those education named; they are kept.
  }
}
