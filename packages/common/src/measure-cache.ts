import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import type { Measure } from './status';
import { intFromEnv } from './config';
import type { TableVersions } from './db/data-version';

/** Most measures each subgraph process keeps (`QN_MEASURE_CACHE_ENTRIES`; 0 keeps none). */
export const MEASURE_CACHE_ENV = 'QN_MEASURE_CACHE_ENTRIES';
export const DEFAULT_MEASURE_CACHE_ENTRIES = 20000;

export function measureCacheEntries(env: NodeJS.ProcessEnv = process.env): number {
  return intFromEnv(MEASURE_CACHE_ENV, DEFAULT_MEASURE_CACHE_ENTRIES, { max: Number.MAX_SAFE_INTEGER, env });
}

/**
 * The measures a subgraph process has computed, each kept with the data versions of the
 * tables its SQL reads (`db/data-version.ts`), as they were in the snapshot it was
 * computed in: an entry is served only to a request whose snapshot has those same
 * versions — none of its tables written since — so it is never stale, and a write to one
 * table leaves the measures of every other table kept. An entry found outdated is
 * dropped; the least recently used go first once `max` are kept.
 */
export class MeasureCache {
  private readonly entries: LRUCache<string, { measure: Measure; tables: readonly (readonly [string, string | undefined])[] }>;

  constructor(readonly max: number) {
    this.entries = new LRUCache({ max });
  }

  /** The measure kept for `key`, as a copy of its own, if none of its tables changed in `versions` (a request's snapshot). */
  get(versions: TableVersions, key: string): Measure | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.tables.every(([table, version]) => versions[table] === version)) return { ...entry.measure };
    // Counters only rise: an entry behind the request's snapshot is outdated for good; one ahead of it (a request that read its versions earlier) stays.
    if (entry.tables.some(([table, version]) => version === undefined || versions[table] === undefined || BigInt(version) < BigInt(versions[table])))
      this.entries.delete(key);
    return undefined;
  }

  /** Keeps a measure computed from `tables` in a snapshot with `versions`. */
  set(versions: TableVersions, key: string, measure: Measure, tables: readonly string[]): void {
    this.entries.set(key, { measure: { ...measure }, tables: tables.map((table) => [table, versions[table]] as const) });
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
