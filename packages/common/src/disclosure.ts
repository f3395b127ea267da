import type { Identity } from './auth/identity';

/**
 * Small-count protection of indicator results (docs/security.md, "Small counts"), one
 * rule for every subgraph:
 *
 * - **Who**: callers without a token and callers whose only role is ANALYST
 *   (`protectedCaller`). Officers and heads of any agency, district officers and
 *   coordinators see exact numbers, and so does a subgraph's call made on behalf of one
 *   of them (it carries that person's roles): labour's reports for unit heads and
 *   coordinators keep their exact figures.
 * - **Which indicators**: those whose owning agency flags the reading
 *   (`IndicatorReading.protectSmallCounts`): the ones counting persons or criminal
 *   matters (IND-3.1 tips, IND-3.2 criminal cases, IND-4.2 persons supported).
 * - **Threshold** (`SMALL_COUNT_MAX`): a cell whose numerator or denominator is 1 or 2
 *   is suppressed (primary suppression). A count of 3 leaves each of the persons or
 *   matters among at least two others; 1 names one person's or case's outcome, 2 lets
 *   either of the two, knowing their own, learn the other's. 0 discloses nothing about
 *   anyone and is shown.
 * - **Complementary suppression** (`suppressCells`): siblings (the units of one level
 *   with the same parent, for one period) add up to the unit above, which is shown. When
 *   the suppressed siblings could be recovered from it by subtraction — only one of them
 *   is suppressed, or their numerators or denominators add up to 1 or 2 — the smallest
 *   other siblings are suppressed too, one at a time, until they cannot. The decision
 *   depends only on the sibling group, never on how the query was shaped.
 */
export const SMALL_COUNT_MAX = 2;

/** Why a cell is not shown. */
export type Suppression =
  /** Its own numerator or denominator is 1 or 2. */
  | 'PRIMARY'
  /** A sibling is suppressed and this cell hides it from the total above. */
  | 'COMPLEMENTARY'
  /** The unit above it is suppressed to protect its own siblings: its units would add up to it. */
  | 'PARENT'
  /** Not one of the units the level lists for the period: its number overlaps theirs. */
  | 'UNLISTED'
  /** A sibling could not be counted, so the cell's protection cannot be decided. */
  | 'UNDECIDED';

export interface Cell {
  id: string;
  numerator: number | null;
  denominator: number | null;
}

/** A count of 1 or 2; 0 and no count are not small. */
export function isSmall(count: number | null | undefined): boolean {
  return count !== null && count !== undefined && count >= 1 && count <= SMALL_COUNT_MAX;
}

/** Does this caller get protected results? Anonymous callers and callers whose only role is ANALYST. */
export function protectedCaller(identity: Identity): boolean {
  return identity.roles.every((role) => role === 'ANALYST');
}

/** Primary suppression: the cell's numerator or denominator is small. */
export function isPrimary(cell: Cell): boolean {
  return isSmall(cell.numerator) || isSmall(cell.denominator);
}

const size = (cell: Cell) => [cell.denominator ?? 0, cell.numerator ?? 0] as const;

/**
 * The suppressed cells of one sibling group (every unit of one level with the same
 * parent, for one period and indicator): the primary ones, then, while the suppressed
 * ones could be recovered from the total above, the smallest others (by denominator,
 * numerator, then id, so the choice is the same whoever asks). An empty cell (0 / 0)
 * is never chosen: hiding it hides nothing. `hidden` names cells already hidden whose
 * counts are not known here (given as null): they count as hidden, with nothing in the
 * sums, which can only suppress more.
 */
export function suppressCells(cells: readonly Cell[], hidden: ReadonlyMap<string, Suppression> = new Map()): Map<string, Suppression> {
  const out = new Map<string, Suppression>(hidden);
  for (const cell of cells) if (!out.has(cell.id) && isPrimary(cell)) out.set(cell.id, 'PRIMARY');
  if (out.size === 0) return out;
  const candidates = cells
    .filter((c) => !out.has(c.id) && ((c.numerator ?? 0) > 0 || (c.denominator ?? 0) > 0))
    .sort((a, b) => {
      const [da, na] = size(a);
      const [db, nb] = size(b);
      return da - db || na - nb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
  const recoverable = () => {
    const hidden = cells.filter((c) => out.has(c.id));
    const sum = (pick: (c: Cell) => number | null) => hidden.reduce((s, c) => s + (pick(c) ?? 0), 0);
    return hidden.length === 1 || isSmall(sum((c) => c.numerator)) || isSmall(sum((c) => c.denominator));
  };
  while (recoverable() && candidates.length) out.set(candidates.shift()!.id, 'COMPLEMENTARY');
  return out;
}

/** The result's statusReason for a suppressed cell. */
export function suppressionReason(why: Suppression): string {
  const rule = `small-count protection (counts of 1 to ${SMALL_COUNT_MAX} persons or matters are not shown without an agency or coordinator role)`;
  switch (why) {
    case 'PRIMARY':
      return `suppressed: a count of 1 to ${SMALL_COUNT_MAX}, ${rule}`;
    case 'COMPLEMENTARY':
      return `suppressed: another unit of this level is suppressed and this one would reveal it from the total above, ${rule}`;
    case 'PARENT':
      return `suppressed: the unit above is suppressed and its units would add up to it, ${rule}`;
    case 'UNLISTED':
      return `suppressed: not one of the units listed at this level for the period, so its number overlaps theirs, ${rule}`;
    case 'UNDECIDED':
      return `suppressed: another unit of this level could not be counted, so its protection cannot be decided, ${rule}`;
  }
}
