import { PROGRAMME_END, standingAgencyOn, StandingAgency } from '@qn/common';
import { DUTY_TRANSFERS, holdings } from '../catalogue';

/**
 * Who issues the final review and who held the plan's duties over 2021–2025, from the
 * agencies over time: the standing agency on the programme's last day (the Department of
 * Health since 1/3/2025) and the duty transfers of the 2025 reorganisation
 * (catalogue/data/duty-transfers.json).
 */
export function programmeIssuer(): {
  issuer: StandingAgency;
  transfers: { from: string; to: string; date: string; tasksVi: string; basis: string }[];
  owners(taskCode: string, planOwner: string): { code: string; from: string; to: string | null }[];
} {
  return {
    issuer: standingAgencyOn(PROGRAMME_END),
    transfers: DUTY_TRANSFERS.map((t) => ({
      from: t.from,
      to: t.to,
      date: t.date,
      basis: legalBasisVi(t.basis),
      tasksVi: t.tasks === 'ALL' ? 'các nhiệm vụ của Kế hoạch' : `${t.tasks.length} nhiệm vụ (${t.tasks.join(', ')})`,
    })),
    owners: (taskCode, planOwner) => holdings(taskCode, planOwner).map((h) => ({ code: h.agencyCode, from: h.validFrom ?? PLAN_START, to: h.validTo })),
  };
}

const PLAN_START = '2021-11-05';

/** The legal documents a transfer's basis cites (42/2025/NĐ-CP …), as a Vietnamese document names them. */
function legalBasisVi(basis: string): string {
  const documents = basis.match(/\d+\/\d{4}\/[A-ZĐa-z0-9-]+/g) ?? [];
  return documents.length ? `căn cứ ${documents.join('; ')}` : 'theo quyết định sắp xếp tổ chức của tỉnh';
}
