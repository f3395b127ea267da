import ExcelJS from 'exceljs';
import { csvCell, STATUS_VI, viNumber } from '@qn/common';
import { ConsolidatedReport } from './consolidation';

const SOURCE_VI: Record<string, string> = { REPORT: 'Theo báo cáo của đơn vị', LIVE: 'Số liệu hệ thống (đơn vị chưa báo cáo)' };
const TIMELINESS_VI: Record<string, string> = { ON_TIME: 'Đúng hạn', LATE: 'Trễ hạn', OVERDUE: 'Chưa gửi (quá hạn)', PENDING: 'Chưa đến hạn' };
const status = (s: string | null) => STATUS_VI[s ?? 'NO_DATA'] ?? 'Chưa có số liệu';

/** The consolidated report's tables with Vietnamese labels and vi-VN numbers: one per sheet of the workbook and block of the CSV. */
export function consolidatedSections(report: ConsolidatedReport): { name: string; header: string[]; rows: string[][] }[] {
  const unitName = new Map(report.completeness.units.map((u) => [u.unitId, u.unitName]));
  return [
    {
      name: 'Chỉ tiêu',
      header: ['Mã', 'Chỉ tiêu', 'Đơn vị', 'Tử số', 'Mẫu số', 'Kết quả', 'Chỉ tiêu kế hoạch', 'Đánh giá', 'Nguồn số liệu'],
      rows: report.indicators.flatMap((i) =>
        [i.province, ...i.districts].map((c) => [
          i.code,
          i.titleVi,
          c.orgUnitName,
          viNumber(c.numerator),
          viNumber(c.denominator),
          viNumber(c.value),
          viNumber(c.target),
          status(c.status),
          SOURCE_VI[c.source] ?? c.source,
        ]),
      ),
    },
    {
      name: 'Nhiệm vụ',
      header: ['Mã', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Số hồ sơ trong kỳ', 'Nguồn số liệu'],
      rows: report.tasks.map((t) => [
        t.taskId,
        t.titleVi,
        unitName.get(t.ownerCode) ?? t.ownerCode,
        t.count === null ? 'Theo báo cáo của đơn vị' : viNumber(t.count),
        SOURCE_VI[t.source] ?? t.source,
      ]),
    },
    {
      name: 'Đơn vị báo cáo',
      header: ['Đơn vị', 'Đã gửi', 'Thời hạn', 'Số ngày trễ'],
      rows: report.completeness.units.map((u) => [u.unitName, u.received ? 'Có' : 'Chưa', TIMELINESS_VI[u.timeliness] ?? u.timeliness, viNumber(u.daysLate)]),
    },
  ];
}

const cell = csvCell;

/** CSV for spreadsheets: UTF-8 with a byte-order mark, a block per section under its Vietnamese title, CRLF. */
export function consolidatedCsvVi(report: ConsolidatedReport): Buffer {
  const lines = consolidatedSections(report).flatMap((s) => [cell(s.name), s.header.map(cell).join(','), ...s.rows.map((r) => r.map(cell).join(',')), '']);
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]);
}

/** The workbook: a sheet per section, header row bold and frozen. */
export async function consolidatedXlsx(report: ConsolidatedReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const section of consolidatedSections(report)) {
    const sheet = workbook.addWorksheet(section.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(section.header).font = { bold: true };
    for (const row of section.rows) sheet.addRow(row);
    sheet.columns.forEach((c, i) => {
      c.width = i === 1 ? 60 : 18;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
