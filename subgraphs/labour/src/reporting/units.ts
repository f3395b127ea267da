import { DataSource } from 'typeorm';
import { forbidden, Identity, isPlanCoordinator, PROGRAMME_FIRST_YEAR, PROGRAMME_LAST_YEAR, REFORM_DATE, territory, userInputError } from '@qn/common';
import reporting from './data/reporting.json';
import { Agency } from '../catalogue';
import { ReportingUnitKind } from './entities';
import { reportingPeriod, ReportingPeriodInfo } from './calendar';

/**
 * Who reports (section VI): every agency of section V, and each local People's
 * Committee on its own. The DISTRICTS entry of section V is the group of the 13
 * district-level units, so it reports through its members rather than as a 16th body:
 * 15 agencies + 13 districts = 28 reports a quarter until the district level was
 * abolished on 1/7/2025.
 *
 * Over time, a period's reporters are the agencies and local units valid on the last
 * day of its data cut-off window (`period.to`): 2025Q1 (to 14/3/2025) and 2025Q2 (to
 * 14/6/2025) the departments as reorganised on 1/3/2025 (no DOLISA, no Information;
 * Science and Technology) and the 13 districts; from 2025Q3 (to 14/9/2025) those
 * departments and the 56 commune-level units of the plan's territory. The yearly 2025
 * report (to 14/12/2025) follows the same rule: the reorganised departments and the 56
 * communes, each commune reporting for its own territory over the whole year.
 */
export interface ReportingUnit {
  id: string;
  kind: ReportingUnitKind;
  /** The agency whose records and tasks are the unit's: itself, or DISTRICTS / COMMUNES for a local unit. */
  agencyCode: string;
  nameVi: string;
  subgraph: string;
}

export const DISTRICT_GROUP = 'DISTRICTS';
export const COMMUNE_GROUP = 'COMMUNES';
const LOCAL_GROUPS = new Set([DISTRICT_GROUP, COMMUNE_GROUP]);
const REPORTERS = new Set(reporting.reporterAgencyCodes);

const validOn = (from: string, to: string | null, day: string) => from <= day && (to === null || to > day);

/** The units expected to report for a period, agencies first (in the plan's order), then the local units. */
export async function expectedUnits(dataSource: DataSource, period: ReportingPeriodInfo): Promise<ReportingUnit[]> {
  const agencies = await dataSource.getRepository(Agency).find({ order: { ordinal: 'ASC' } });
  const day = period.to;
  const units: ReportingUnit[] = agencies
    .filter((a) => REPORTERS.has(a.code) && !LOCAL_GROUPS.has(a.code) && validOn(a.validFrom, a.validTo, day))
    .map((a) => ({ id: a.code, kind: ReportingUnitKind.AGENCY, agencyCode: a.code, nameVi: a.nameVi, subgraph: a.subgraph }));
  const subgraphOf = (code: string) => agencies.find((a) => a.code === code)?.subgraph ?? 'labour';
  for (const u of territory.list({ at: day, inPlanScope: true })) {
    if (u.level === 'DISTRICT')
      units.push({ id: u.id, kind: ReportingUnitKind.DISTRICT, agencyCode: DISTRICT_GROUP, nameVi: `UBND ${u.name}`, subgraph: subgraphOf(DISTRICT_GROUP) });
  }
  for (const u of territory.list({ at: day, inPlanScope: true })) {
    if (u.level === 'COMMUNE' && day >= REFORM_DATE)
      units.push({ id: u.id, kind: ReportingUnitKind.COMMUNE, agencyCode: COMMUNE_GROUP, nameVi: `UBND ${u.name}`, subgraph: subgraphOf(COMMUNE_GROUP) });
  }
  return units;
}

/**
 * Every unit that reports in some period of the programme, once: the agencies as they
 * were and are, the 13 districts (to 30/6/2025), the 56 commune-level units (from 1/7/2025).
 */
export async function programmeReportingUnits(dataSource: DataSource): Promise<ReportingUnit[]> {
  const periods = [
    ...Array.from({ length: PROGRAMME_LAST_YEAR - PROGRAMME_FIRST_YEAR + 1 }, (_, i) => `${PROGRAMME_FIRST_YEAR + i}`),
    `${PROGRAMME_LAST_YEAR}Q2`,
  ];
  const units = new Map<string, ReportingUnit>();
  for (const p of periods) for (const u of await expectedUnits(dataSource, reportingPeriod(p))) if (!units.has(u.id)) units.set(u.id, u);
  return [...units.values()];
}

export async function findUnit(dataSource: DataSource, period: ReportingPeriodInfo, unitId: string, field = 'unitId'): Promise<ReportingUnit> {
  const unit = (await expectedUnits(dataSource, period)).find((u) => u.id === unitId);
  if (!unit) {
    const local = period.to >= REFORM_DATE ? 'a commune-level unit id of 1/7/2025 such as 21040-2025-07 (xã Bình Sơn)' : 'a district id such as 522';
    throw userInputError(field, `'${unitId}' is not a unit that reports for ${period.id} (an agency code valid then such as POLICE, or ${local})`);
  }
  return unit;
}

/** The unit a caller belongs to: their agency, or their district / commune for the local People's Committees. */
export function ownUnit(identity: Identity): string | null {
  if (identity.agency && LOCAL_GROUPS.has(identity.agency)) return identity.orgUnit;
  return identity.agency;
}

/** A coordinator of the standing agency of today (DOLISA to 28/2/2025, Health from 1/3/2025). */
export function isCoordinator(identity: Identity): boolean {
  return isPlanCoordinator(identity);
}

/** Coordinators see every report; everyone else only their own unit's. */
export function canRead(identity: Identity, unitId: string): boolean {
  return isCoordinator(identity) || ownUnit(identity) === unitId;
}

/** Only the head of the unit itself submits or edits its report. */
export function assertHeadOf(identity: Identity, unitId: string): void {
  if (!identity.roles.includes('AGENCY_HEAD') || ownUnit(identity) !== unitId) {
    throw forbidden(`only the head of '${unitId}' submits or changes its report`);
  }
}
