import { todayIso } from './clock';
import type { Identity } from './auth/identity';

/**
 * The plan's standing agency (cơ quan thường trực) over time: it consolidates, returns
 * and approves the units' reports and issues the province's reports in its name.
 * DOLISA until 28/2/2025; from 1/3/2025 DOLISA is dissolved and its social-evils
 * prevention duties (prostitution prevention included) go to the Department of Health
 * (Quảng Ngãi's reorganisation of 18/2/2025; Decree 42/2025/NĐ-CP; Circular
 * 20/2025/TT-BYT). The `labour` subgraph stays the social-affairs service, run by
 * whichever department holds the duty.
 */
export interface StandingAgency {
  code: string;
  nameVi: string;
  /** The issuing body's lines in the heading of an official document (Decree 30/2020). */
  headingVi: string[];
  /** The abbreviation in a document number: Số: …/BC-SYT. */
  abbreviation: string;
  validFrom: string;
  validTo: string | null;
}

export const STANDING_AGENCIES: readonly StandingAgency[] = [
  {
    code: 'LABOUR',
    nameVi: 'Sở Lao động - Thương binh và Xã hội',
    headingVi: ['SỞ LAO ĐỘNG - THƯƠNG BINH', 'VÀ XÃ HỘI'],
    abbreviation: 'SLĐTBXH',
    validFrom: '2021-11-05',
    validTo: '2025-03-01',
  },
  { code: 'HEALTH', nameVi: 'Sở Y tế', headingVi: ['SỞ Y TẾ'], abbreviation: 'SYT', validFrom: '2025-03-01', validTo: null },
];

/** The standing agency on a date (ISO); before the plan, its first one. */
export function standingAgencyOn(date: string): StandingAgency {
  return STANDING_AGENCIES.find((a) => a.validTo === null || date < a.validTo) ?? STANDING_AGENCIES[STANDING_AGENCIES.length - 1];
}

/**
 * A coordinator of the plan on the action's date (today unless told): the COORDINATOR
 * role of the standing agency of that date only. The role in another agency's token
 * gives nothing, so a LABOUR coordinator no longer coordinates once DOLISA is gone.
 */
export function isPlanCoordinator(identity: Identity, on: string = todayIso()): boolean {
  return identity.roles.includes('COORDINATOR') && identity.agency === standingAgencyOn(on).code;
}
