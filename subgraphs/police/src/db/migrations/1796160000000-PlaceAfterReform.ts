import { MigrationInterface, QueryRunner } from 'typeorm';
import { REFORM_DATE, territory } from '@qn/common';

/**
 * A tip or criminal case after 30/6/2025 has a commune-level unit and no district (before,
 * a commune where police knows it); a business operating on or after 1/7/2025 carries the
 * commune-level unit it lies in from then, one opened after the reform only that unit.
 * Businesses already registered get it where their old commune (or Lý Sơn's district) went
 * whole to one unit; for the others police names it (updateServiceBusiness).
 */
export class PlaceAfterReform1796160000000 implements MigrationInterface {
  name = 'PlaceAfterReform1796160000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tip" ADD "commune_id" character varying(20)');
    await queryRunner.query('ALTER TABLE "tip" ALTER COLUMN "district_id" DROP NOT NULL');
    await queryRunner.query('CREATE INDEX "IDX_f940665313f2b1c2ff05a47eaa" ON "tip" ("commune_id", "received_on") ');
    await queryRunner.query('ALTER TABLE "criminal_case" ADD "commune_id" character varying(20)');
    await queryRunner.query('ALTER TABLE "criminal_case" ALTER COLUMN "district_id" DROP NOT NULL');
    await queryRunner.query('CREATE INDEX "IDX_2f9c14e3e3da2a91af46565781" ON "criminal_case" ("commune_id", "opened_on") ');
    await queryRunner.query('ALTER TABLE "service_business" ADD "commune_after_reform_id" character varying(20)');
    await queryRunner.query('ALTER TABLE "service_business" ALTER COLUMN "district_id" DROP NOT NULL');
    await queryRunner.query('CREATE INDEX "IDX_05355160215c744f3dae0209e5" ON "service_business" ("commune_after_reform_id") ');
    const operating: { id: string; district_id: string; commune_id: string | null }[] = await queryRunner.query(
      'SELECT id, district_id, commune_id FROM service_business WHERE closed_on IS NULL OR closed_on >= $1',
      [REFORM_DATE],
    );
    for (const b of operating) {
      const next = territory.successors(b.commune_id ?? b.district_id, REFORM_DATE).filter((l) => l.unit.inPlanScope);
      if (next.length === 1 && !next[0].part) {
        await queryRunner.query('UPDATE service_business SET commune_after_reform_id = $1 WHERE id = $2', [next[0].unit.id, b.id]);
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_05355160215c744f3dae0209e5"');
    await queryRunner.query('ALTER TABLE "service_business" ALTER COLUMN "district_id" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "service_business" DROP COLUMN "commune_after_reform_id"');
    await queryRunner.query('DROP INDEX "public"."IDX_2f9c14e3e3da2a91af46565781"');
    await queryRunner.query('ALTER TABLE "criminal_case" ALTER COLUMN "district_id" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "criminal_case" DROP COLUMN "commune_id"');
    await queryRunner.query('DROP INDEX "public"."IDX_f940665313f2b1c2ff05a47eaa"');
    await queryRunner.query('ALTER TABLE "tip" ALTER COLUMN "district_id" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "tip" DROP COLUMN "commune_id"');
  }
}
