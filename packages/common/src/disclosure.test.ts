import { Cell, isPrimary, isSmall, protectedCaller, Suppression, suppressCells } from './disclosure';

const cell = (id: string, numerator: number | null, denominator: number | null): Cell => ({ id, numerator, denominator });
const decided = (cells: Cell[]) => Object.fromEntries(suppressCells(cells));

test('a count of 1 or 2 is small; 0, 3 and no count are not', () => {
  expect([0, 1, 2, 3, null].map(isSmall)).toEqual([false, true, true, false, false]);
  expect(isPrimary(cell('a', 0, 2))).toBe(true); // the denominator is 2
  expect(isPrimary(cell('a', 1, 40))).toBe(true); // the numerator is 1
  expect(isPrimary(cell('a', 0, 0))).toBe(false); // nothing to disclose
  expect(isPrimary(cell('a', 3, 3))).toBe(false);
});

test('protected callers: anonymous and ANALYST only; any other role sees exact numbers', () => {
  const who = (roles: string[]) => protectedCaller({ subject: 's', agency: null, roles: roles as never, orgUnit: null });
  expect(who([])).toBe(true);
  expect(who(['ANALYST'])).toBe(true);
  for (const role of ['AGENCY_OFFICER', 'AGENCY_HEAD', 'DISTRICT_OFFICER', 'COORDINATOR']) {
    expect(who([role])).toBe(false);
    expect(who(['ANALYST', role])).toBe(false);
  }
  // A subgraph's call carries the roles of the person it serves.
  expect(protectedCaller({ subject: 's', agency: 'LABOUR', roles: ['AGENCY_HEAD'], orgUnit: null, service: 'labour' })).toBe(false);
});

test('nothing small: nothing suppressed', () => {
  expect(decided([cell('a', 5, 9), cell('b', 0, 0), cell('c', 3, 3)])).toEqual({});
});

test('one small cell: it and the next-smallest sibling, so the total does not give it back', () => {
  // a 1/1 is primary; alone it would be total − the others. The smallest other non-empty
  // cell by denominator is d (4/5, below b's 7/8 and c's 9/12); hidden together they sum
  // to 5/6: neither 1 nor 2, so a cannot be isolated. e (0/0) hides nothing and is skipped.
  expect(decided([cell('a', 1, 1), cell('b', 7, 8), cell('c', 9, 12), cell('d', 4, 5), cell('e', 0, 0)])).toEqual({ a: 'PRIMARY', d: 'COMPLEMENTARY' });
});

test('two small cells whose sum is still small: one more sibling', () => {
  // a 1/1 and b 0/1 are primary; hidden together they sum to 1/2 — the total less the
  // shown cells would give that 1 person of 2, so c (the smallest other, 3/4) is hidden: 4/6.
  expect(decided([cell('a', 1, 1), cell('b', 0, 1), cell('c', 3, 4), cell('d', 10, 20)])).toEqual({ a: 'PRIMARY', b: 'PRIMARY', c: 'COMPLEMENTARY' });
});

test('two small cells whose sums are not small: no complementary cell', () => {
  // a 2/2 and b 1/3: hidden sums 3/5, neither 1 nor 2.
  expect(decided([cell('a', 2, 2), cell('b', 1, 3), cell('c', 3, 4)])).toEqual({ a: 'PRIMARY', b: 'PRIMARY' });
});

test('a complementary cell of 0 persons served is not enough when the sum of numerators stays small', () => {
  // a 1/1 primary; the smallest other, b 0/5, makes the hidden sums 1/6 — a numerator of 1
  // still isolates a's person among the hidden — so c 3/7 is hidden too: 4/13.
  expect(decided([cell('a', 1, 1), cell('b', 0, 5), cell('c', 3, 7), cell('d', 8, 9)])).toEqual({ a: 'PRIMARY', b: 'COMPLEMENTARY', c: 'COMPLEMENTARY' });
});

test('ties are broken by numerator, then id, whatever the order the cells come in', () => {
  const cells = [cell('z', 1, 1), cell('m', 4, 6), cell('k', 4, 6), cell('b', 5, 6)];
  // m and k tie on 4/6 (below b's 5/6 by numerator): k comes first by id.
  expect(decided(cells)).toEqual({ z: 'PRIMARY', k: 'COMPLEMENTARY' });
  expect(decided([...cells].reverse())).toEqual({ z: 'PRIMARY', k: 'COMPLEMENTARY' });
});

test('a single cell (the province) is suppressed only for its own counts', () => {
  expect(decided([cell('51', 2, 9)])).toEqual({ 51: 'PRIMARY' });
  expect(decided([cell('51', 3, 9)])).toEqual({});
});

test('every sibling small: all of them hidden', () => {
  // 1/1 + 0/1 + 0/0: the hidden sums stay 1/2 with nothing left to add; the empty one is not needed.
  expect(decided([cell('a', 1, 1), cell('b', 0, 1), cell('c', 0, 0)])).toEqual({ a: 'PRIMARY', b: 'PRIMARY' });
});

test('cells already hidden with unknown counts count as hidden, adding nothing to the sums', () => {
  // b was hidden elsewhere (its counts unknown here, null); a 1/1 is primary. Hidden sums
  // a + b = 1/1 as far as known: still small, so c (the smallest other, 3/4) is hidden: 4/5.
  expect(decided2([cell('a', 1, 1), cell('b', null, null), cell('c', 3, 4), cell('d', 9, 9)], { b: 'UNDECIDED' })).toEqual({
    a: 'PRIMARY',
    b: 'UNDECIDED',
    c: 'COMPLEMENTARY',
  });
  // Nothing primary and one cell already hidden: it is alone among the hidden, so the smallest other (c) joins it.
  expect(decided2([cell('b', null, null), cell('c', 3, 4), cell('d', 9, 9)], { b: 'UNDECIDED' })).toEqual({ b: 'UNDECIDED', c: 'COMPLEMENTARY' });
});

function decided2(cells: Cell[], hidden: Record<string, Suppression>) {
  return Object.fromEntries(suppressCells(cells, new Map(Object.entries(hidden))));
}
