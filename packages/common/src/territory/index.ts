import data from './org-units.json';
import { userInputError } from '../errors';
import { addDays } from '../periods';

export type OrgUnitLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

/** One official unit with its validity: `validTo` is the first day it no longer exists. */
export interface OrgUnitRecord {
  id: string;
  code: string;
  name: string;
  level: OrgUnitLevel;
  kind: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface Succession {
  predecessorId: string;
  successorId: string | null;
  date: string;
  kind: string;
  legalBasis?: string;
}

/**
 * The province's territory (General Statistics Office codes), shared reference data:
 * labour serves it through the graph, every agency validates and aggregates its
 * records against it. Units are found by their fixed internal id, never by code
 * alone, because codes were reused after the 2025 reform.
 */
export class Territory {
  readonly units: OrgUnitRecord[];
  readonly successions: Succession[];
  private readonly byId: Map<string, OrgUnitRecord>;

  constructor(units: OrgUnitRecord[], successions: Succession[]) {
    this.units = units;
    this.successions = successions;
    this.byId = new Map(units.map((u) => [u.id, u]));
  }

  /** The first day the territory data describes. */
  get firstDate(): string {
    return this.province.validFrom;
  }

  get province(): OrgUnitRecord {
    return this.units.find((u) => u.level === 'PROVINCE')!;
  }

  get(id: string): OrgUnitRecord | undefined {
    return this.byId.get(id);
  }

  /** Valid at some time in [from, to) (ISO dates, `to` exclusive). */
  validDuring(unit: OrgUnitRecord, from: string, to: string): boolean {
    return unit.validFrom < to && (unit.validTo === null || unit.validTo > from);
  }

  list(filter: { level?: OrgUnitLevel; parentId?: string; at?: string } = {}): OrgUnitRecord[] {
    return this.units.filter(
      (u) =>
        (!filter.level || u.level === filter.level) &&
        (!filter.parentId || u.parentId === filter.parentId) &&
        (!filter.at || this.validDuring(u, filter.at, addDays(filter.at, 1))),
    );
  }

  /** District-level units that existed at any time in [from, to). */
  districtsDuring(from: string, to: string): OrgUnitRecord[] {
    return this.units.filter((u) => u.level === 'DISTRICT' && this.validDuring(u, from, to));
  }

  /** Commune-level units that existed at any time in [from, to), optionally within one district. */
  communesDuring(from: string, to: string, districtId?: string): OrgUnitRecord[] {
    return this.units.filter(
      (u) => u.level === 'COMMUNE' && this.validDuring(u, from, to) && (!districtId || u.parentId === districtId),
    );
  }

  /** The unit named by a caller's argument; unknown ids are a clear input error. */
  resolve(id: string | null | undefined, field = 'orgUnit'): OrgUnitRecord {
    if (id === null || id === undefined || id === '') return this.province;
    const unit = this.byId.get(id);
    if (!unit) throw userInputError(field, `unknown organisation unit '${id}'`);
    return unit;
  }

  /** Checks that a commune exists, lies in the district and exists on the date. */
  checkCommune(communeId: string, districtId: string | null | undefined, on: string, field = 'communeId'): OrgUnitRecord {
    const commune = this.byId.get(communeId);
    if (!commune || commune.level !== 'COMMUNE') throw userInputError(field, `unknown commune '${communeId}'`);
    if (districtId && commune.parentId !== districtId) {
      throw userInputError(field, `commune '${communeId}' (${commune.name}) is not in district '${districtId}'`);
    }
    // Records may predate the territory data (2021): those are checked against its first state.
    const date = on < this.firstDate ? this.firstDate : on;
    if (!this.validDuring(commune, date, addDays(date, 1))) {
      throw userInputError(field, `commune '${communeId}' (${commune.name}) did not exist on ${on}`);
    }
    return commune;
  }

  checkDistrict(districtId: string, field = 'districtId'): OrgUnitRecord {
    const district = this.byId.get(districtId);
    if (!district || district.level !== 'DISTRICT') throw userInputError(field, `unknown district '${districtId}'`);
    return district;
  }
}


export const territory = new Territory(data.units as OrgUnitRecord[], data.successions as Succession[]);
