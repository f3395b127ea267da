import { addDays, CODE_ALPHABET, REFORM_DATE, territory } from '@qn/common';

/**
 * A small seeded pseudo-random generator (mulberry32), so generated data is the
 * same on every machine and every run.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number | string) {
    this.state = typeof seed === 'number' ? seed >>> 0 : hash(seed);
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A made-up pseudonymous client code (`QNG-` and 8 characters), for generated data. */
  clientCode(): string {
    return `QNG-${Array.from({ length: 8 }, () => this.pick([...CODE_ALPHABET])).join('')}`;
  }

  /** A date between `from` and `to` (inclusive, ISO). */
  date(from: string, to: string): string {
    const a = Date.parse(`${from}T00:00:00Z`);
    const b = Date.parse(`${to}T00:00:00Z`);
    return new Date(a + Math.floor(this.next() * ((b - a) / 86400000 + 1)) * 86400000).toISOString().slice(0, 10);
  }
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Scale factor for generated data (QN_SCALE, default 1): ×10, ×100 for benchmarks. */
export function dataScale(): number {
  const raw = Number(process.env.QN_SCALE ?? '1');
  if (!Number.isFinite(raw) || raw <= 0) throw new Error(`QN_SCALE must be a positive number, got '${process.env.QN_SCALE}'`);
  return raw;
}

/**
 * Generated data of several agencies must agree on the same sample service businesses
 * (police registers them; health checks their staff; labour reaches their workers):
 * each district has a known number of them, each with a deterministic id.
 */
export const SAMPLE_DISTRICT_WEIGHT: Record<string, number> = {
  '522': 40,
  '524': 14,
  '534': 12,
  '528': 9,
  '527': 8,
  '533': 7,
  '532': 5,
  '536': 4,
  '529': 3,
  '525': 3,
  '535': 2,
  '531': 1,
  '530': 1,
};

export function sampleBusinessCount(districtId: string, scale: number): number {
  return Math.round((SAMPLE_DISTRICT_WEIGHT[districtId] ?? 2) * 2.5 * scale);
}

/** The last day generated data reaches: the cut-off of the 2025 yearly report. */
export const SAMPLE_LAST_DAY = '2025-12-14';

const SAMPLE_BUSINESS_KINDS = [
  'KARAOKE',
  'KARAOKE',
  'KARAOKE',
  'MASSAGE',
  'MASSAGE',
  'HOTEL',
  'GUESTHOUSE',
  'GUESTHOUSE',
  'BAR',
  'NIGHTCLUB',
  'SAUNA',
  'BARBER_SPA',
] as const;

export interface SampleBusiness {
  id: string;
  districtId: string;
  communeId: string | null;
  kind: (typeof SAMPLE_BUSINESS_KINDS)[number];
  employees: number;
  openedOn: string;
  closedOn: string | null;
  /** The commune-level unit it lies in from 1/7/2025, when it operates then (null if it closed before). */
  communeAfterReformId: string | null;
}

/**
 * The index-th (1-based) sample business of a district, the same for every generator:
 * police registers it, health checks its staff and labour reaches its workers only
 * while it operates, with the headcount police has.
 */
export function sampleBusiness(districtId: string, index: number): SampleBusiness {
  const random = new SeededRandom(`police-business-life-${districtId}-${index}`);
  const kind = random.pick(SAMPLE_BUSINESS_KINDS);
  const openedOn = random.chance(0.7) ? random.date('2008-01-01', '2020-12-31') : random.date('2021-01-01', '2025-06-30');
  const earliestClose = addDays(openedOn, 180) < SAMPLE_LAST_DAY ? addDays(openedOn, 180) : SAMPLE_LAST_DAY;
  const closedOn = random.chance(0.15) ? random.date(earliestClose, SAMPLE_LAST_DAY) : null;
  const communes = territory.communesDuring('2021-01-01', '2021-01-02', districtId);
  const communeId = communes.length ? random.pick(communes).id : null;
  const employees = kind === 'HOTEL' ? random.int(8, 40) : random.int(2, 15);
  const closed = closedOn && closedOn > openedOn ? closedOn : null;
  return {
    id: sampleBusinessId(districtId, index),
    districtId,
    communeId,
    kind,
    employees,
    openedOn,
    closedOn: closed,
    communeAfterReformId:
      closed && closed < REFORM_DATE ? null : sampleUnitAfterReform(communeId ?? districtId, `police-business-after-reform-${districtId}-${index}`),
  };
}

/**
 * The commune-level unit of the plan's territory an old commune (or Lý Sơn's district) went
 * to on 1/7/2025; of a split commune's parts, one drawn from a stream of its own (`seed`),
 * so that the draws before it stay as they were.
 */
export function sampleUnitAfterReform(oldId: string, seed: string): string {
  const next = territory.successors(oldId, REFORM_DATE).filter((l) => l.unit.inPlanScope);
  if (next.length === 0) throw new Error(`no commune-level unit of 1/7/2025 for '${oldId}'`);
  return next.length === 1 ? next[0].unit.id : new SeededRandom(seed).pick(next).unit.id;
}

/** The part of [from, to] (ISO dates, inclusive) in which a sample business operates, or null. */
export function sampleBusinessWindow(business: Pick<SampleBusiness, 'openedOn' | 'closedOn'>, from: string, to: string): { from: string; to: string } | null {
  const start = business.openedOn > from ? business.openedOn : from;
  const end = business.closedOn && business.closedOn < to ? business.closedOn : to;
  return start <= end ? { from: start, to: end } : null;
}

/** The id of the index-th (1-based) sample business of a district: a version-4-shaped uuid. */
export function sampleBusinessId(districtId: string, index: number): string {
  const random = new SeededRandom(`police-business-${districtId}-${index}`);
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = (random.int(0, 3) | 8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * Generated data of labour and health must share some persons, by the same pseudonymous
 * code (labour supports them; health gives them harm-reduction services), so IND-4.2,
 * which counts services of both, is realistic: about half of labour's sample clients in a
 * district (up to 6 × QN_SCALE there, fewer in the small remote units) are also health's.
 */
export function sampleSharedClientCount(districtId: string, scale: number): number {
  return Math.round(Math.min(6, SAMPLE_DISTRICT_WEIGHT[districtId] ?? 1) * scale);
}

/** The code of the index-th (1-based) sample client a district's labour and health data share: `QNG-` and 8 characters. */
export function sampleSharedClientCode(districtId: string, index: number): string {
  const random = new SeededRandom(`shared-client-${districtId}-${index}`);
  return random.clientCode();
}
