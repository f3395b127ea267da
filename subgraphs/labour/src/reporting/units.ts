import { DataSource } from 'typeorm';
import { forbidden, Identity, isDolisaCoordinator, territory, userInputError } from '@qn/common';
import reporting from './data/reporting.json';
import { Agency } from '../catalogue';
import { ReportingUnitKind } from './entities';
import { ReportingPeriodInfo } from './calendar';

/**
 * Who reports (section VI): every agency of section V, and each district-level
 * People's Committee on its own. The DISTRICTS entry of section V is the group of
 * the 13 district-level units, so it reports through its members rather than as a
 * 16th body: 15 agencies + 13 districts = 28 reports a quarter until the district
 * level was abolished on 1/7/2025.
 */
export interface ReportingUnit {
  id: string;
  kind: ReportingUnitKind;
  /** The agency whose records and tasks are the unit's: itself, or DISTRICTS for a district. */
  agencyCode: string;
  nameVi: string;
  subgraph: string;
}

export const DISTRICT_GROUP = 'DISTRICTS';
const REPORTERS = new Set(reporting.reporterAgencyCodes);

/** The units expected to report for a period, agencies first (in the plan's order), then districts. */
export async function expectedUnits(dataSource: DataSource, period: ReportingPeriodInfo): Promise<ReportingUnit[]> {
  const agencies = await dataSource.getRepository(Agency).find({ order: { ordinal: 'ASC' } });
  const end = period.to;
  const units: ReportingUnit[] = agencies
    .filter((a) => REPORTERS.has(a.code) && a.code !== DISTRICT_GROUP)
    .filter((a) => a.validFrom <= end && (a.validTo === null || a.validTo > period.from))
    .map((a) => ({ id: a.code, kind: ReportingUnitKind.AGENCY, agencyCode: a.code, nameVi: a.nameVi, subgraph: a.subgraph }));
  const districtsSubgraph = agencies.find((a) => a.code === DISTRICT_GROUP)?.subgraph ?? 'labour';
  for (const d of territory.districtsDuring(period.from, addDay(period.to))) {
    units.push({ id: d.id, kind: ReportingUnitKind.DISTRICT, agencyCode: DISTRICT_GROUP, nameVi: `UBND ${d.name}`, subgraph: districtsSubgraph });
  }
  return units;
}

function addDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function findUnit(dataSource: DataSource, period: ReportingPeriodInfo, unitId: string, field = 'unitId'): Promise<ReportingUnit> {
  const unit = (await expectedUnits(dataSource, period)).find((u) => u.id === unitId);
  if (!unit) throw userInputError(field, `'${unitId}' is not a unit that reports for ${period.id} (an agency code such as POLICE, or a district id such as 522)`);
  return unit;
}

/** The unit a caller belongs to: their agency, or their district for the district-level People's Committees. */
export function ownUnit(identity: Identity): string | null {
  if (identity.agency === DISTRICT_GROUP) return identity.orgUnit;
  return identity.agency;
}

export function isCoordinator(identity: Identity): boolean {
  return isDolisaCoordinator(identity);
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
