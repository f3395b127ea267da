import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import type { Measure } from './status';
import { intFromEnv } from './config';

/** Most measures each subgraph process keeps (`QN_MEASURE_CACHE_ENTRIES`; 0 keeps none). */
export const MEASURE_CACHE_ENV = 'QN_MEASURE_CACHE_ENTRIES';
export const DEFAULT_MEASURE_CACHE_ENTRIES = 20000;

export function measureCacheEntries(env: NodeJS.ProcessEnv = process.env): number {
  return intFromEnv(MEASURE_CACHE_ENV, DEFAULT_MEASURE_CACHE_ENTRIES, { max: Number.MAX_SAFE_INTEGER, env });
}

/**
 * The measures a subgraph process has computed, kept under the data version they were
 * computed at (`db/data-version.ts`): an entry is served only to a request that read the
 * same version, so it is never stale. Versions only rise, so on a newer one every older
 * entry is dropped at once (none could be asked for again); between versions the least
 * recently used entries go first once `max` are kept.
 */
export class MeasureCache {
  private latest = -1n;
  /** The measures computed at `latest`, by key: the only version any entry is kept at. */
  private readonly entries: LRUCache<string, Measure>;

  constructor(readonly max: number) {
    this.entries = new LRUCache<string, Measure>({ max });
  }

  private current(version: string): boolean {
    const v = BigInt(version);
    if (v > this.latest) {
      this.entries.clear();
      this.latest = v;
    }
    return v === this.latest;
  }

  /** The measure kept for `key` at `version`, as a copy of its own. */
  get(version: string, key: string): Measure | undefined {
    if (!this.current(version)) return undefined;
    const measure = this.entries.get(key);
    return measure && { ...measure };
  }

  /** Keeps a measure computed at `version` (one computed at an older version than the newest seen is not kept). */
  set(version: string, key: string, measure: Measure): void {
    if (this.current(version)) this.entries.set(key, { ...measure });
  }

  get size(): number {
    return this.entries.size;
  }
}

const CACHES = new WeakMap<DataSource, MeasureCache | null>();

/** The data source's cache of measures for this process (null when `QN_MEASURE_CACHE_ENTRIES` is 0). */
export function measureCacheFor(dataSource: DataSource): MeasureCache | null {
  if (!CACHES.has(dataSource)) {
    const max = measureCacheEntries();
    CACHES.set(dataSource, max > 0 ? new MeasureCache(max) : null);
  }
  return CACHES.get(dataSource)!;
}
