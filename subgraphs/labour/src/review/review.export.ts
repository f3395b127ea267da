import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { csvCell, PROGRAMME_FIRST_YEAR, PROGRAMME_LAST_YEAR, STATUS_VI, vietnamDate, viNumber as vi } from '@qn/common';
import { dmy, FONT, grid, heading, para, Report, run } from '../reporting';
import { ReviewContent } from './review.types';

const YEARS = Array.from({ length: PROGRAMME_LAST_YEAR - PROGRAMME_FIRST_YEAR + 1 }, (_, i) => PROGRAMME_FIRST_YEAR + i);
const FUNDING_VI: Record<string, string> = {
  PROVINCIAL_BUDGET: 'Ngân sách tỉnh',
  DISTRICT_BUDGET: 'Ngân sách huyện',
  CENTRAL_BUDGET: 'Ngân sách trung ương',
  OTHER: 'Nguồn hợp pháp khác',
  TOTAL: 'Tổng cộng',
};
const TREND_VI: Record<string, string> = { UP: 'Tăng', DOWN: 'Giảm', FLAT: 'Không đổi', NONE: 'Chưa đủ số liệu' };
const statusVi = (s: string | null | undefined) => STATUS_VI[s ?? 'NO_DATA'] ?? 'Chưa có số liệu';
const vnd = (amount: string) => vi(Number(amount));

export interface ReviewSection {
  /** The sheet's name (Vietnamese, at most 31 characters). */
  name: string;
  header: string[];
  rows: (string | number | null)[][];
}

/** The review as tables, every label in Vietnamese, one per section: the CSV, the workbook and the document's tables. */
export function reviewSections(review: ReviewContent): ReviewSection[] {
  const ownerName = (code: string) => review.tasks.flatMap((t) => t.owners).find((o) => o.code === code)?.nameVi ?? code;
  return [
    {
      name: 'Chỉ tiêu',
      header: [
        'Mã',
        'Chỉ tiêu',
        'Cơ quan tính',
        'Mục tiêu',
        ...YEARS.flatMap((y) => [`Năm ${y}`, `Đánh giá ${y}`]),
        'Tổng hợp giai đoạn',
        'Xu hướng',
        'Cách đánh giá',
      ],
      rows: review.indicators.map((i) => [
        i.code,
        i.titleVi,
        ownerName(i.ownerCode),
        i.targetVi,
        ...i.years.flatMap((y) => [vi(y.value), statusVi(y.status)]),
        i.summaryVi,
        TREND_VI[i.trend] ?? '',
        i.unavailable ? 'Không lấy được số liệu từ cơ quan tính' : i.explanation,
      ]),
    },
    {
      name: 'Nhiệm vụ',
      header: ['Mã', 'Nhiệm vụ', 'Cơ quan chủ trì qua các thời kỳ', ...YEARS.flatMap((y) => [`Hồ sơ ${y}`, `Báo cáo ${y}`])],
      rows: review.tasks.map((t) => [
        t.taskId,
        t.titleVi,
        t.owners.map((o) => `${o.nameVi} (từ ${dmy(o.from)}${o.to ? ` đến ${dmy(o.to)}` : ''})`).join('; '),
        ...t.years.flatMap((y) => [y.records === null ? '–' : vi(y.records), y.reported === null ? '–' : vi(y.reported)]),
      ]),
    },
    {
      name: 'Đơn vị báo cáo',
      header: ['Mã', 'Đơn vị', ...YEARS.flatMap((y) => [`Phải nộp ${y}`, `Đã nộp ${y}`, `Đúng hạn ${y}`, `Trễ hạn ${y}`])],
      rows: review.units.map((u) => [u.unitId, u.unitName, ...u.years.flatMap((y) => [y.expected, y.received, y.onTime, y.late].map(vi))]),
    },
    {
      name: 'Kinh phí',
      header: ['Năm', 'Nguồn kinh phí', 'Số tiền (đồng)'],
      rows: review.budget.map((b) => [String(b.year), FUNDING_VI[b.fundingSource] ?? b.fundingSource, vnd(b.total)]),
    },
    {
      name: 'Sắp xếp tổ chức 2025',
      header: ['STT', 'Nội dung'],
      rows: review.reorganisationVi.map((line, n) => [String(n + 1), line]),
    },
  ];
}

/** CSV for spreadsheets: UTF-8 with a byte-order mark, a block per section under its Vietnamese title, CRLF. */
export function reviewCsv(review: ReviewContent): Buffer {
  const lines: string[] = [];
  for (const section of reviewSections(review)) {
    lines.push(csvCell(section.name), section.header.map(csvCell).join(','), ...section.rows.map((r) => r.map(csvCell).join(',')), '');
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]);
}

/** The workbook: a sheet per section, header row bold and frozen. */
export async function reviewXlsx(review: ReviewContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = review.issuerNameVi;
  for (const section of reviewSections(review)) {
    const sheet = workbook.addWorksheet(section.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(section.header).font = { bold: true };
    for (const row of section.rows) sheet.addRow(row);
    sheet.columns.forEach((c, i) => {
      c.width = i === 1 ? 60 : 16;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The final review as an official report (Decree 30/2020 layout): the People's Committee
 * and the standing agency beside the national motto, number and date, title, the
 * addressees, numbered sections with their tables, recipients and signature.
 */
export async function reviewDocx(review: ReviewContent, report: Report): Promise<Buffer> {
  const issued = vietnamDate(report.submittedAt ?? report.updatedAt ?? new Date());
  const noBorder = TableBorders.NONE;
  const cell = (children: Paragraph[], width: number) => new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, borders: noBorder });
  const center = (r: TextRun[]) => new Paragraph({ children: r, alignment: AlignmentType.CENTER });
  const heading1 = review.issuerHeadingVi.map((line, i) => center([run(line, { bold: true, size: 24, underline: i === review.issuerHeadingVi.length - 1 })]));
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorder,
    rows: [
      new TableRow({
        children: [
          cell([center([run('ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI', { size: 24 })]), ...heading1, center([run(`Số:        /BC-${review.issuerAbbreviation}`)])], 42),
          cell(
            [
              center([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })]),
              center([run('Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true })]),
              center([run('')]),
              center([run(`Quảng Ngãi, ngày ${Number(issued.slice(8, 10))} tháng ${Number(issued.slice(5, 7))} năm ${issued.slice(0, 4)}`, { italics: true })]),
            ],
            58,
          ),
        ],
      }),
    ],
  });
  const [indicators, tasks, units, budget, reorganisation] = reviewSections(review);
  const indicatorRows = review.indicators.map((i, n) => [
    String(n + 1),
    `${i.code}. ${i.titleVi}`,
    i.targetVi,
    ...i.years.map((y) => `${vi(y.value)} (${statusVi(y.status)})`),
    i.summaryVi,
  ]);
  const landscape = { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } };
  const portrait = { page: { size: { orientation: PageOrientation.PORTRAIT }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } };
  const narrative = (text: string, empty: string) =>
    text.trim()
      ? text
          .trim()
          .split(/\n+/)
          .map((p) => para(p, { indent: true }))
      : [para(empty, { indent: true })];
  const doc = new Document({
    creator: review.issuerNameVi,
    title: 'Báo cáo tổng kết thực hiện Kế hoạch phòng, chống mại dâm giai đoạn 2021 - 2025',
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      {
        properties: portrait,
        children: [
          header,
          para([run('BÁO CÁO', { bold: true, size: 28 })], { align: AlignmentType.CENTER, before: 360, after: 0 }),
          para([run('Tổng kết thực hiện Kế hoạch thực hiện Chương trình phòng, chống mại dâm', { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
          para([run('giai đoạn 2021 - 2025 trên địa bàn tỉnh Quảng Ngãi', { bold: true })], { align: AlignmentType.CENTER, after: 240 }),
          para([run('Kính gửi:', { bold: false })], { align: AlignmentType.LEFT, after: 0, indent: true }),
          ...review.addresseesVi.map((a, i) =>
            para(`- ${a}${i === review.addresseesVi.length - 1 ? '.' : ';'}`, { align: AlignmentType.LEFT, after: 0, indent: true }),
          ),
          para(
            `Thực hiện Quyết định số 1736/QĐ-UBND ngày 05/11/2021 của Chủ tịch Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Chương trình phòng, chống mại dâm giai đoạn 2021 - 2025 (mục V.1: tổ chức sơ kết, tổng kết việc thực hiện Kế hoạch báo cáo Trung ương), trên cơ sở số liệu của các sở, ngành và báo cáo của các đơn vị, ${review.issuerNameVi} với vai trò cơ quan thường trực báo cáo tổng kết như sau:`,
            { indent: true, before: 240 },
          ),
          heading('I. SẮP XẾP TỔ CHỨC BỘ MÁY NĂM 2025'),
          ...reorganisation.rows.slice(0, 4).map((r) => para(`- ${r[1]}`, { indent: true })),
          ...(reorganisation.rows.length > 4 ? [para(`Danh sách đầy đủ ${reorganisation.rows.length} nội dung sắp xếp tại Phụ lục.`, { indent: true })] : []),
          heading('II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU'),
          para(
            'Mỗi chỉ tiêu được đánh giá theo loại mục tiêu: chỉ tiêu hằng năm đánh giá từng năm, không cộng dồn; chỉ tiêu tăng trưởng so với năm trước; chỉ tiêu cộng dồn đến năm 2025 so với mốc từng năm.',
            { indent: true },
          ),
        ],
      },
      {
        properties: landscape,
        children: [
          grid(['STT', 'Chỉ tiêu', 'Mục tiêu', ...YEARS.map((y) => `Năm ${y}`), 'Tổng hợp giai đoạn'], indicatorRows, [4, 30, 10, 9, 9, 9, 9, 9, 11], 18),
        ],
      },
      {
        properties: portrait,
        children: [
          heading('III. KẾT QUẢ THỰC HIỆN NHIỆM VỤ'),
          ...narrative(report.results, 'Kết quả thực hiện nhiệm vụ của các sở, ngành, địa phương theo bảng sau.'),
        ],
      },
      {
        properties: landscape,
        children: [
          grid(
            tasks.header.slice(1),
            tasks.rows.map((r) => r.slice(1)),
            [28, 16, ...YEARS.flatMap(() => [5.6, 5.6])],
            16,
          ),
        ],
      },
      {
        properties: portrait,
        children: [
          heading('IV. CHẾ ĐỘ THÔNG TIN, BÁO CÁO'),
          para('Số báo cáo quý và năm phải nộp, đã nộp, đúng hạn và trễ hạn của từng đơn vị trong 5 năm.', { indent: true }),
        ],
      },
      {
        properties: landscape,
        children: [
          grid(
            ['Đơn vị', ...YEARS.map((y) => `Năm ${y} (phải nộp / đã nộp / đúng hạn / trễ hạn)`)],
            units.rows.map((r) => [r[1], ...YEARS.map((_, i) => r.slice(2 + 4 * i, 6 + 4 * i).join(' / '))]),
            [30, 14, 14, 14, 14, 14],
            16,
          ),
        ],
      },
      {
        properties: portrait,
        children: [
          heading('V. KINH PHÍ THỰC HIỆN'),
          grid(budget.header, budget.rows, [20, 45, 35], 20),
          heading('VI. KHÓ KHĂN, VƯỚNG MẮC'),
          ...narrative(report.difficulties, 'Không có.'),
          heading('VII. ĐỀ XUẤT, KIẾN NGHỊ'),
          ...narrative(report.proposals, 'Không có.'),
          para(`${review.issuerNameVi} kính báo cáo./.`, { indent: true, before: 120 }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: noBorder,
            rows: [
              new TableRow({
                children: [
                  cell(
                    [
                      new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
                      ...review.addresseesVi.map((a) => new Paragraph({ children: [run(`- ${a} (báo cáo);`, { size: 22 })] })),
                      new Paragraph({ children: [run('- Các sở, ngành, địa phương;', { size: 22 })] }),
                      new Paragraph({ children: [run('- Lưu: VT.', { size: 22 })] }),
                    ],
                    50,
                  ),
                  cell([center([run('GIÁM ĐỐC', { bold: true })]), center([run('')]), center([run('')]), center([run('')])], 50),
                ],
              }),
            ],
          }),
        ],
      },
      {
        properties: portrait,
        children: [
          para([run('PHỤ LỤC', { bold: true })], { align: AlignmentType.CENTER }),
          para([run('Sắp xếp tổ chức bộ máy và đơn vị hành chính năm 2025', { bold: true })], { align: AlignmentType.CENTER, after: 160 }),
          grid(reorganisation.header, reorganisation.rows, [8, 92], 18),
          para([run('Cách đánh giá từng chỉ tiêu', { bold: true })], { align: AlignmentType.CENTER, before: 240, after: 160 }),
          grid(
            ['Mã', 'Cách đánh giá'],
            indicators.rows.map((r) => [r[0], r[r.length - 1]]),
            [12, 88],
            18,
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
