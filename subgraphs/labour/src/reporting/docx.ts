import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { REFORM_DATE, standingAgencyOn, STATUS_VI, vietnamDate, viNumber } from '@qn/common';
import { ConsolidatedReport } from './consolidation';
import { dmy, FONT, grid, heading, para, run } from './document';

/** Vietnamese names used in the document. */
const REPORT_STATUS_VI: Record<string, string> = {
  DRAFT: 'Đang soạn',
  SUBMITTED: 'Đã gửi',
  RETURNED: 'Trả lại để hoàn thiện',
  RESUBMITTED: 'Đã gửi lại',
  APPROVED: 'Đã duyệt',
};
const TIMELINESS_VI: Record<string, string> = { ON_TIME: 'Đúng hạn', LATE: 'Trễ hạn', OVERDUE: 'Chưa gửi (quá hạn)', PENDING: 'Chưa đến hạn' };
const ROMAN = ['I', 'II', 'III', 'IV'];

/** "quý III năm 2024", "6 tháng đầu năm 2024", "9 tháng năm 2024", "năm 2024". */
export function periodNameVi(period: string): string {
  const year = period.slice(0, 4);
  const rest = period.slice(4);
  if (rest.startsWith('Q')) return `quý ${ROMAN[Number(rest[1]) - 1]} năm ${year}`;
  if (rest === 'S1') return `6 tháng đầu năm ${year}`;
  if (rest === 'S2') return `6 tháng cuối năm ${year}`;
  if (rest === 'M9') return `9 tháng năm ${year}`;
  return `năm ${year}`;
}

const num = viNumber;

/**
 * The consolidated report as a Word document laid out like a Vietnamese official
 * report (Decree 30/2020 layout): the issuing body and the national motto side by side,
 * place and date, title, addressee, numbered sections with tables, recipients and
 * signature. Fonts are named (Times New Roman), not embedded: every Vietnamese
 * office has them, and the text is plain Unicode, so diacritics survive any viewer.
 */
export async function consolidatedDocx(report: ConsolidatedReport): Promise<Buffer> {
  const today = vietnamDate(report.generatedAt);
  // Issued in the name of the standing agency of the day it is produced.
  const issuer = standingAgencyOn(today);
  const s = report.completeness;
  const noBorder = TableBorders.NONE;
  const headerCell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, borders: noBorder });
  const center = (r: TextRun[]) => new Paragraph({ children: r, alignment: AlignmentType.CENTER });
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorder,
    rows: [
      new TableRow({
        children: [
          headerCell(
            [
              center([run('ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI', { size: 24 })]),
              ...issuer.headingVi.map((line, i) => center([run(line, { bold: true, size: 24, underline: i === issuer.headingVi.length - 1 })])),
              center([run(`Số:        /BC-${issuer.abbreviation}`, { size: 26 })]),
            ],
            42,
          ),
          headerCell(
            [
              center([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })]),
              center([run('Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true, size: 26 })]),
              center([run('')]),
              center([run(`Quảng Ngãi, ngày ${Number(today.slice(8, 10))} tháng ${Number(today.slice(5, 7))} năm ${today.slice(0, 4)}`, { italics: true })]),
            ],
            58,
          ),
        ],
      }),
    ],
  });

  const missing = s.units.filter((u) => !u.received);
  const late = s.units.filter((u) => u.timeliness === 'LATE');
  const provinceRows = report.indicators.map((i, n) => [
    String(n + 1),
    `${i.code}. ${i.titleVi}`,
    num(i.province.value),
    num(i.province.target),
    STATUS_VI[i.province.status ?? ''] ?? 'Chưa có số liệu',
  ]);
  const districtNames = report.indicators[0]?.districts.map((d) => d.orgUnitName) ?? [];
  const districtRows = report.indicators.map((i) => [i.code, ...i.districts.map((d) => num(d.value))]);
  const unitName = new Map(s.units.map((u) => [u.unitId, u.unitName]));
  const taskRows = report.tasks.map((t, n) => [
    String(n + 1),
    t.titleVi,
    unitName.get(t.ownerCode) ?? t.ownerCode,
    t.count === null ? 'Theo báo cáo của đơn vị' : `${num(t.count)} hồ sơ`,
  ]);
  const unitRows = s.units.map((u, n) => [
    String(n + 1),
    u.unitName,
    REPORT_STATUS_VI[u.status ?? ''] ?? 'Chưa mở báo cáo',
    u.firstSubmittedAt ? dmy(vietnamDate(u.firstSubmittedAt)) : '–',
    TIMELINESS_VI[u.timeliness],
  ]);
  const narrative = (field: 'results' | 'difficulties' | 'proposals') =>
    report.narratives.filter((x) => x[field].trim()).map((x) => para([run(`- ${x.unitName}: `, { bold: true }), run(x[field].trim())], { indent: true }));

  const portrait = {
    page: { size: { orientation: PageOrientation.PORTRAIT }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } },
  };
  const doc = new Document({
    creator: `${issuer.nameVi} tỉnh Quảng Ngãi`,
    title: `Báo cáo kết quả thực hiện Kế hoạch phòng, chống mại dâm ${periodNameVi(report.period)}`,
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      {
        properties: portrait,
        children: [
          header,
          para([run('BÁO CÁO', { bold: true, size: 28 })], { align: AlignmentType.CENTER, before: 360, after: 0 }),
          para([run(`Kết quả thực hiện Kế hoạch phòng, chống mại dâm giai đoạn 2021 - 2025`, { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
          para([run(`trên địa bàn tỉnh Quảng Ngãi ${periodNameVi(report.period)}`, { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
          para([run(`(Số liệu tính từ ngày ${dmy(report.from)} đến ngày ${dmy(report.to)})`, { italics: true })], { align: AlignmentType.CENTER, after: 240 }),
          para([run('Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi.')], { align: AlignmentType.CENTER, after: 240 }),
          para(
            `Thực hiện Quyết định số 1736/QĐ-UBND ngày 05/11/2021 của Chủ tịch Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Chương trình phòng, chống mại dâm giai đoạn 2021 - 2025, trên cơ sở báo cáo của các sở, ngành, hội, đoàn thể và ${report.to >= REFORM_DATE ? 'Ủy ban nhân dân các xã, phường, đặc khu' : 'Ủy ban nhân dân các huyện, thị xã, thành phố'}, ${issuer.nameVi} tổng hợp, báo cáo kết quả ${periodNameVi(report.period)} như sau:`,
            { indent: true },
          ),
          heading('I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ'),
          para(
            `Số đơn vị phải báo cáo: ${s.expected}; đã báo cáo: ${s.received} (đúng hạn: ${s.onTime}, trễ hạn: ${s.late}); chưa báo cáo: ${s.missing}${missing.length ? ` (${missing.map((u) => u.unitName).join('; ')})` : ''}. Hạn gửi báo cáo: ngày ${dmy(s.deadline)}.${late.length ? ` Đơn vị gửi trễ hạn: ${late.map((u) => u.unitName).join('; ')}.` : ''}`,
            { indent: true },
          ),
          grid(['STT', 'Đơn vị', 'Trạng thái', 'Ngày gửi', 'Thời hạn'], unitRows, [8, 42, 18, 16, 16]),
          heading('II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU'),
          para('1. Kết quả toàn tỉnh', { indent: true }),
          grid(['STT', 'Chỉ tiêu', 'Kết quả', 'Chỉ tiêu kế hoạch', 'Đánh giá'], provinceRows, [7, 53, 12, 13, 15]),
        ],
      },
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        children: [
          para(report.to >= REFORM_DATE ? '2. Kết quả theo đơn vị cấp xã (giá trị chỉ tiêu)' : '2. Kết quả theo đơn vị cấp huyện (giá trị chỉ tiêu)', {
            indent: true,
          }),
          grid(['Chỉ tiêu', ...districtNames], districtRows, [10, ...districtNames.map(() => 90 / Math.max(1, districtNames.length))], 18, 0),
        ],
      },
      {
        properties: portrait,
        children: [
          heading('III. TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ CỦA CÁC SỞ, NGÀNH'),
          grid(['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Kết quả trong kỳ'], taskRows, [7, 58, 15, 20], 20),
          heading('IV. KẾT QUẢ NỔI BẬT'),
          ...narrative('results'),
          heading('V. KHÓ KHĂN, VƯỚNG MẮC'),
          ...narrative('difficulties'),
          heading('VI. ĐỀ XUẤT, KIẾN NGHỊ'),
          ...narrative('proposals'),
          para(`${issuer.nameVi} kính báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./.`, { indent: true, before: 120 }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: noBorder,
            rows: [
              new TableRow({
                children: [
                  headerCell(
                    [
                      new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
                      new Paragraph({ children: [run('- UBND tỉnh (báo cáo);', { size: 22 })] }),
                      new Paragraph({ children: [run('- Bộ, ngành Trung ương (báo cáo);', { size: 22 })] }),
                      new Paragraph({ children: [run('- Các sở, ngành, UBND các huyện, thị xã, thành phố;', { size: 22 })] }),
                      new Paragraph({ children: [run('- Lưu: VT, PCTNXH.', { size: 22 })] }),
                    ],
                    50,
                  ),
                  headerCell([center([run('GIÁM ĐỐC', { bold: true })]), center([run('')]), center([run('')]), center([run('')])], 50),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
