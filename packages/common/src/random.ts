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

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
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
  '522': 40, '524': 14, '534': 12, '528': 9, '527': 8, '533': 7, '532': 5, '536': 4, '529': 3, '525': 3, '535': 2, '531': 1, '530': 1,
};

export function sampleBusinessCount(districtId: string, scale: number): number {
  return Math.round((SAMPLE_DISTRICT_WEIGHT[districtId] ?? 2) * 2.5 * scale);
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

const CLIENT_CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The code of the index-th (1-based) sample client a district's labour and health data share: `QNG-` and 8 characters. */
export function sampleSharedClientCode(districtId: string, index: number): string {
  const random = new SeededRandom(`shared-client-${districtId}-${index}`);
  return `QNG-${Array.from({ length: 8 }, () => random.pick([...CLIENT_CODE_CHARS])).join('')}`;
}
