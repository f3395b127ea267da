import { toCsv } from '@qn/common';
import { ConsolidatedReport } from './consolidation';

export const CSV_HEADER = [
  'record',
  'code',
  'title_vi',
  'org_unit_id',
  'org_unit_name',
  'numerator',
  'denominator',
  'value',
  'target',
  'status',
  'source',
  'report_id',
];

/**
 * The consolidated report as one CSV table (UTF-8, comma-separated, `.` as decimal
 * point, CRLF): a row per indicator and unit (record INDICATOR, the province first),
 * per agency task (TASK: the count in `value`), and per expected unit (UNIT: its report
 * status and timeliness).
 */
export function consolidatedCsv(report: ConsolidatedReport): string {
  const rows: unknown[][] = [CSV_HEADER];
  for (const i of report.indicators) {
    for (const c of [i.province, ...i.districts]) {
      rows.push(['INDICATOR', i.code, i.titleVi, c.orgUnitId, c.orgUnitName, c.numerator, c.denominator, c.value, c.target, c.status, c.source, c.reportId]);
    }
  }
  for (const t of report.tasks) rows.push(['TASK', t.taskId, t.titleVi, t.ownerCode, '', null, null, t.count, null, t.evidence, t.source, null]);
  for (const u of report.completeness.units) {
    rows.push([
      'UNIT',
      u.unitId,
      u.unitName,
      u.unitKind === 'DISTRICT' ? u.unitId : '',
      u.unitName,
      null,
      null,
      null,
      null,
      u.status ?? 'NOT_OPENED',
      u.timeliness,
      u.reportId,
    ]);
  }
  return toCsv(rows);
}
