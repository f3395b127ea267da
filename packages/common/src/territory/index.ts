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
  /** The province the unit was part of when it was created: 51 (old Quảng Ngãi) or 62 (old Kon Tum). */
  formerProvince: string;
  /** Part of the plan's territory (old Quảng Ngãi). */
  inPlanScope: boolean;
}

export type SuccessionKind = 'MERGE' | 'SPLIT' | 'RENAME' | 'RECLASSIFY' | 'RETAIN' | 'ABOLISH';

export interface Succession {
  predecessorId: string;
  successorId: string | null;
  date: string;
  kind: SuccessionKind;
  /** Only part of the predecessor went to this successor (a split). */
  part: boolean;
  legalBasis?: string;
  notes?: string;
}

/** A link of the succession table seen from one side: the unit on the other side and how. */
export interface SuccessionLink {
  unit: OrgUnitRecord;
  kind: SuccessionKind;
  date: string;
  part: boolean;
}

/** The first day of the two-tier local government (no district level, 96 commune-level units). */
export const REFORM_DATE = '2025-07-01';

/**
 * The units whose records make up a unit's numbers for a period: its own records
 * for the part of the period it existed in, and, for the rest, those of its
 * predecessors (before it existed) or successors (after it ended), found through the
 * succession table. `computedOver` lists every unit counted; `excluded` the linked
 * units left out because only part of them went to (or came from) the unit.
 */
export interface UnitCoverage {
  unit: OrgUnitRecord;
  districtIds: string[];
  communeIds: string[];
  computedOver: OrgUnitRecord[];
  excluded: OrgUnitRecord[];
}

/**
 * The province's territory (General Statistics Office codes) over time, shared
 * reference data: labour serves it through the graph, every agency validates and
 * aggregates its records against it. Units are found by their fixed internal id,
 * never by code alone, because codes were reused after the 2025 reform.
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

  /** Quảng Ngãi (51), the plan's province; it absorbed Kon Tum (62) on 1/7/2025 and continues. */
  get province(): OrgUnitRecord {
    return this.units.find((u) => u.level === 'PROVINCE' && u.validTo === null)!;
  }

  get(id: string): OrgUnitRecord | undefined {
    return this.byId.get(id);
  }

  /** Valid at some time in [from, to) (ISO dates, `to` exclusive). */
  validDuring(unit: OrgUnitRecord, from: string, to: string): boolean {
    return unit.validFrom < to && (unit.validTo === null || unit.validTo > from);
  }

  validOn(unit: OrgUnitRecord, on: string): boolean {
    return this.validDuring(unit, on, addDays(on, 1));
  }

  list(filter: { level?: OrgUnitLevel; parentId?: string; at?: string; inPlanScope?: boolean } = {}): OrgUnitRecord[] {
    return this.units.filter(
      (u) =>
        (!filter.level || u.level === filter.level) &&
        (!filter.parentId || u.parentId === filter.parentId) &&
        (filter.inPlanScope === undefined || u.inPlanScope === filter.inPlanScope) &&
        (!filter.at || this.validOn(u, filter.at)),
    );
  }

  /** District-level units of the plan's territory that existed at any time in [from, to). */
  districtsDuring(from: string, to: string): OrgUnitRecord[] {
    return this.units.filter((u) => u.level === 'DISTRICT' && u.inPlanScope && this.validDuring(u, from, to));
  }

  /** Commune-level units of the plan's territory that existed at any time in [from, to), optionally within one district. */
  communesDuring(from: string, to: string, districtId?: string): OrgUnitRecord[] {
    return this.units.filter((u) => u.level === 'COMMUNE' && u.inPlanScope && this.validDuring(u, from, to) && (!districtId || u.parentId === districtId));
  }

  /** The units a unit was formed from (one step back). */
  predecessors(id: string): SuccessionLink[] {
    return this.successions
      .filter((s) => s.successorId === id)
      .map((s) => ({ unit: this.byId.get(s.predecessorId)!, kind: s.kind, date: s.date, part: s.part }));
  }

  /**
   * The units that took a unit over (one step), or, with `at`, the units valid on that
   * date that its territory went to, following the table through later changes. A part
   * anywhere on the way marks the link as a part.
   */
  successors(id: string, at?: string): SuccessionLink[] {
    const direct = this.successions
      .filter((s) => s.predecessorId === id && s.successorId !== null)
      .map((s) => ({ unit: this.byId.get(s.successorId!)!, kind: s.kind, date: s.date, part: s.part }));
    if (!at) return direct;
    const out = new Map<string, SuccessionLink>();
    for (const link of direct) {
      if (this.validOn(link.unit, at)) out.set(link.unit.id, link);
      else if (link.unit.validFrom <= at) {
        for (const next of this.successors(link.unit.id, at)) {
          const merged = { ...next, part: next.part || link.part };
          const seen = out.get(next.unit.id);
          out.set(next.unit.id, seen ? { ...seen, part: seen.part && merged.part } : merged);
        }
      }
    }
    return [...out.values()];
  }

  /** The unit's predecessors through every earlier change, nearest first. */
  private ancestry(id: string, partOk: boolean, seen = new Set<string>()): { units: OrgUnitRecord[]; excluded: OrgUnitRecord[] } {
    const units: OrgUnitRecord[] = [];
    const excluded: OrgUnitRecord[] = [];
    for (const link of this.predecessors(id)) {
      if (seen.has(link.unit.id) || link.unit.level === 'PROVINCE') continue;
      seen.add(link.unit.id);
      if (link.part && !partOk) {
        excluded.push(link.unit);
        continue;
      }
      units.push(link.unit);
      const more = this.ancestry(link.unit.id, partOk, seen);
      units.push(...more.units);
      excluded.push(...more.excluded);
    }
    return { units, excluded };
  }

  /**
   * The units whose records count for `unit` over [from, to): the unit itself while it
   * existed; before it existed, the units it was formed from (a unit that went to it
   * only in part — Trà Bùi — is left out: its old records stay with it); after it
   * ended, the units that took it over (refused when only part of it went to each).
   * Records are matched where they stood on their date: district records by district
   * id, commune records by commune id.
   */
  coverage(unit: OrgUnitRecord, from: string, to: string, field = 'orgUnit'): UnitCoverage {
    const computedOver: OrgUnitRecord[] = [];
    const excluded: OrgUnitRecord[] = [];
    if (unit.level === 'PROVINCE') {
      return { unit, districtIds: [], communeIds: [], computedOver: [unit], excluded };
    }
    if (this.validDuring(unit, from, to)) computedOver.push(unit);
    if (from < unit.validFrom) {
      const back = this.ancestry(unit.id, false);
      computedOver.push(...back.units.filter((u) => this.validDuring(u, from, to)));
      excluded.push(...back.excluded);
    }
    if (unit.validTo !== null && to > unit.validTo) {
      const forward = this.successors(unit.id, unit.validTo);
      if (forward.length > 0 && forward.every((l) => l.part)) {
        throw userInputError(
          field,
          `${unit.name} (${unit.id}) ended on ${addDays(unit.validTo, -1)} and was split between ${forward.map((l) => `${l.unit.name} (${l.unit.id})`).join(' and ')}: its numbers after that cannot be divided; ask for each of them`,
        );
      }
      for (const link of forward) if (!computedOver.some((u) => u.id === link.unit.id)) computedOver.push(link.unit);
      if (unit.level === 'DISTRICT' && forward.length === 0 && computedOver.length === 0) {
        throw userInputError(
          field,
          `${unit.name} (${unit.id}) is a district-level unit; the district level ended on ${addDays(unit.validTo, -1)}: ask for a commune-level unit or the province`,
        );
      }
    }
    if (computedOver.length === 0) {
      throw userInputError(field, `${unit.name} (${unit.id}) did not exist between ${from} and ${addDays(to, -1)}, and no unit of that time took it over`);
    }
    return {
      unit,
      districtIds: computedOver.filter((u) => u.level === 'DISTRICT').map((u) => u.id),
      communeIds: computedOver.filter((u) => u.level === 'COMMUNE').map((u) => u.id),
      computedOver,
      excluded,
    };
  }

  /**
   * The commune-level units a unit counts for a ratio of units over [from, to) (IND-1.1):
   * the plan's communes under it as they stood on the last day of the period on which it
   * existed, each with the ids its records may carry in the period — itself, and the
   * units it was formed from while those still existed in the period (a split unit's
   * old records stay with it). For 2021–2024 every commune counts only itself.
   */
  communesAsOf(unit: OrgUnitRecord, from: string, to: string, field = 'orgUnit'): { commune: OrgUnitRecord; recordIds: string[] }[] {
    let day = addDays(to, -1);
    let communes: OrgUnitRecord[];
    if (unit.level === 'COMMUNE' && !this.validDuring(unit, from, to)) {
      communes = this.coverage(unit, from, to, field).computedOver;
    } else {
      if (unit.validTo !== null && unit.validTo <= day) day = addDays(unit.validTo, -1);
      communes =
        unit.level === 'COMMUNE'
          ? [unit]
          : this.list({ level: 'COMMUNE', at: day, inPlanScope: true }).filter((c) => unit.level === 'PROVINCE' || c.parentId === unit.id);
    }
    return communes.map((commune) => ({
      commune,
      recordIds: [
        commune.id,
        ...this.ancestry(commune.id, false)
          .units.filter((u) => u.level === 'COMMUNE' && this.validDuring(u, from, to))
          .map((u) => u.id),
      ],
    }));
  }

  /** The unit named by a caller's argument; unknown ids are a clear input error. */
  resolve(id: string | null | undefined, field = 'orgUnit'): OrgUnitRecord {
    if (id === null || id === undefined || id === '') return this.province;
    const unit = this.byId.get(id);
    if (!unit) throw userInputError(field, `unknown organisation unit '${id}'`);
    return unit;
  }

  /**
   * The place of a record dated `on`, the same rule in every subgraph: before 1/7/2025
   * a district of the plan's territory valid on that date (and, when given or
   * required, a commune of it valid on that date); from 1/7/2025 a commune-level unit
   * of the plan's territory valid on that date, and no district. Anything else is a
   * BAD_USER_INPUT naming the field and the units valid on that date.
   */
  place(
    input: { districtId?: string | null; communeId?: string | null },
    on: string,
    options: { commune?: 'required' | 'optional'; fields?: { district?: string; commune?: string } } = {},
  ): { districtId: string | null; communeId: string | null } {
    const districtField = options.fields?.district ?? 'districtId';
    const communeField = options.fields?.commune ?? 'communeId';
    // Records may predate the territory data (2021): those are checked against its first state.
    const date = on < this.firstDate ? this.firstDate : on;
    const districtId = input.districtId || null;
    const communeId = input.communeId || null;
    const list = (units: OrgUnitRecord[]) => {
      const shown = units
        .slice(0, 12)
        .map((u) => `${u.id} ${u.name}`)
        .join(', ');
      return units.length > 12 ? `${shown} … (${units.length} in all; orgUnits(level: ${units[0].level}, at: "${date}", inPlanScope: true) lists them)` : shown;
    };
    if (date >= REFORM_DATE) {
      const communes = this.list({ level: 'COMMUNE', at: date, inPlanScope: true });
      if (districtId) {
        throw userInputError(
          districtField,
          `there is no district level on ${on} (abolished from ${REFORM_DATE}): leave ${districtField} out and give ${communeField}, one of the units valid on that date: ${list(communes)}`,
        );
      }
      if (!communeId) throw userInputError(communeField, `a record dated ${on} names its commune-level unit (from ${REFORM_DATE}), one of: ${list(communes)}`);
      const commune = this.byId.get(communeId);
      if (!commune || commune.level !== 'COMMUNE' || !this.validOn(commune, date) || !commune.inPlanScope) {
        const what = !commune
          ? 'unknown unit'
          : !this.validOn(commune, date)
            ? `${commune.name} did not exist on ${on}`
            : commune.level !== 'COMMUNE'
              ? `${commune.name} is not a commune-level unit`
              : `${commune.name} is outside the plan's territory (old Quảng Ngãi)`;
        const successors =
          commune && commune.validTo && commune.validTo <= date
            ? this.successors(commune.id, date).map((l) => `${l.unit.id} ${l.unit.name}${l.part ? ' (part)' : ''}`)
            : [];
        const hint = successors.length ? `; it is now ${successors.join(' or ')}` : '';
        throw userInputError(communeField, `'${communeId}': ${what}${hint}. Units valid on ${on}: ${list(communes)}`);
      }
      return { districtId: null, communeId: commune.id };
    }
    const districts = this.list({ level: 'DISTRICT', at: date, inPlanScope: true });
    if (!districtId) throw userInputError(districtField, `a record dated ${on} names its district (before ${REFORM_DATE}), one of: ${list(districts)}`);
    const district = this.byId.get(districtId);
    if (!district || district.level !== 'DISTRICT' || !district.inPlanScope || !this.validOn(district, date)) {
      const what =
        !district || district.level !== 'DISTRICT'
          ? `unknown district`
          : !district.inPlanScope
            ? `${district.name} is outside the plan's territory`
            : `${district.name} did not exist on ${on}`;
      throw userInputError(districtField, `'${districtId}': ${what}. Districts valid on ${on}: ${list(districts)}`);
    }
    if (!communeId) {
      if (options.commune === 'required')
        throw userInputError(
          communeField,
          `a record dated ${on} names its commune in ${district.name}, one of: ${list(this.list({ level: 'COMMUNE', parentId: district.id, at: date }))}`,
        );
      return { districtId: district.id, communeId: null };
    }
    const commune = this.byId.get(communeId);
    if (!commune || commune.level !== 'COMMUNE' || commune.parentId !== district.id || !this.validOn(commune, date)) {
      const what =
        !commune || commune.level !== 'COMMUNE'
          ? 'unknown commune'
          : commune.parentId !== district.id
            ? `${commune.name} is not in district '${district.id}' (${district.name})`
            : `${commune.name} did not exist on ${on}`;
      throw userInputError(
        communeField,
        `'${communeId}': ${what}. Communes of ${district.name} valid on ${on}: ${list(this.list({ level: 'COMMUNE', parentId: district.id, at: date }))}`,
      );
    }
    return { districtId: district.id, communeId: commune.id };
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
    if (!district || district.level !== 'DISTRICT' || !district.inPlanScope) throw userInputError(field, `unknown district '${districtId}'`);
    return district;
  }
}

export const territory = new Territory(data.units as OrgUnitRecord[], data.successions as Succession[]);
export * from './long-lived';
