/**
 * Who issues the final review and who held the plan's duties over 2021–2025 — the small
 * interface the review needs from the agencies over time (the standing agency and the
 * duty transfers of the 2025 reorganisation, data/REORGANISATION-2025.md). The catalogue
 * of agencies over time answers it once it carries those dates.
 */
export interface ReviewIssuer {
  code: string;
  nameVi: string;
  /** The issuing body's lines in the heading of an official document (Decree 30/2020). */
  headingVi: string[];
  /** The abbreviation in the document number: Số: …/BC-SYT. */
  abbreviation: string;
}

export interface DutyTransfer {
  from: string;
  to: string;
  /** The successor's name when it is not among the plan's agencies. */
  toNameVi?: string;
  date: string;
  tasksVi: string;
  basis: string;
}

const HEALTH: ReviewIssuer = { code: 'HEALTH', nameVi: 'Sở Y tế', headingVi: ['SỞ Y TẾ'], abbreviation: 'SYT' };

const TRANSFERS: DutyTransfer[] = [
  { from: 'LABOUR', to: 'HEALTH', date: '2025-03-01', tasksVi: 'toàn bộ nhiệm vụ phòng, chống mại dâm (cùng lĩnh vực phòng, chống tệ nạn xã hội) và vai trò cơ quan thường trực của Kế hoạch', basis: 'Nghị định 42/2025/NĐ-CP; Thông tư 20/2025/TT-BYT' },
  { from: 'INFORMATION', to: 'CULTURE', date: '2025-03-01', tasksVi: 'nhiệm vụ quản lý báo chí, thông tin cơ sở', basis: 'Nghị định 43/2025/NĐ-CP' },
  { from: 'INFORMATION', to: 'SCIENCE_TECHNOLOGY', toNameVi: 'Sở Khoa học và Công nghệ', date: '2025-03-01', tasksVi: 'các nhiệm vụ còn lại', basis: 'hợp nhất Sở Thông tin và Truyền thông vào Sở Khoa học và Công nghệ' },
];

const PLAN_START = '2021-11-05';

/** The issuer at the end of the programme, the duty transfers, and a task owner's succession over the programme. */
export function programmeIssuer(): { issuer: ReviewIssuer; transfers: DutyTransfer[]; owners(code: string): { code: string; nameVi?: string; from: string; to: string | null }[] } {
  return {
    issuer: HEALTH,
    transfers: TRANSFERS,
    owners(code: string) {
      const moved = TRANSFERS.find((t) => t.from === code && t.to !== 'CULTURE');
      if (!moved) return [{ code, from: PLAN_START, to: null }];
      return [{ code, from: PLAN_START, to: moved.date }, { code: moved.to, nameVi: moved.toNameVi, from: moved.date, to: null }];
    },
  };
}

/** 2025-03-01 → 1/3/2025. */
export const dmy = (iso: string) => `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}`;
