import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';

/**
 * The pieces every official document of the plan is built from (Decree 30/2020 layout):
 * the consolidated reports and the final review share them, so both read alike.
 */

/** 2025-03-01 → 1/3/2025. */
export const dmy = (iso: string) => `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}`;

/** Named, not embedded: every Vietnamese office has it, and the text is plain Unicode. */
export const FONT = 'Times New Roman';

export const run = (text: string, o: { bold?: boolean; italics?: boolean; underline?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, bold: o.bold, italics: o.italics, underline: o.underline ? {} : undefined, size: o.size ?? 26 });

export const para = (
  children: TextRun[] | string,
  o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number; before?: number; indent?: boolean } = {},
) =>
  new Paragraph({
    children: typeof children === 'string' ? [run(children)] : children,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: o.after ?? 80, before: o.before ?? 0 },
    indent: o.indent ? { firstLine: 567 } : undefined,
  });

export const heading = (text: string) => para([run(text, { bold: true })], { before: 160, after: 80, indent: true });

/** A bordered table: a bold header row, cells centred except the text column `leftColumn`. */
export function grid(header: string[], rows: (string | number | null)[][], widths: number[], size = 22, leftColumn = 1): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const c = (text: string, bold: boolean, i: number) =>
    new TableCell({
      width: { size: widths[i] ?? 5, type: WidthType.PERCENTAGE },
      verticalAlign: VerticalAlign.CENTER,
      borders: { top: border, bottom: border, left: border, right: border },
      children: [new Paragraph({ children: [run(text, { bold, size })], alignment: i === leftColumn && !bold ? AlignmentType.LEFT : AlignmentType.CENTER })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => c(h, true, i)) }),
      ...rows.map((r) => new TableRow({ children: r.map((t, i) => c(t === null ? '' : String(t), false, i)) })),
    ],
  });
}
