import { isSmall } from '@qn/common';
import { caller, dataOf, startSystem, TestSystem } from './harness';

/**
 * Small-count protection on the generated data: every month of 2024, IND-4.2 and IND-3.1
 * by district, as an ANALYST against the coordinator's exact numbers. Whatever the data,
 * an ANALYST sees no count of 1 or 2, and the districts hidden in a month can never be
 * told apart from the province's total: none, or at least two whose numerators and
 * denominators do not add up to 1 or 2.
 */
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem({ sampleData: true });
});
afterAll(() => system.stop());

const MONTHS = Array.from({ length: 12 }, (_, i) => `2024${String(i + 1).padStart(2, '0')}`);

async function byMonth(code: string, as: ReturnType<typeof caller>) {
  const query = `{ indicator(code: "${code}") { ${MONTHS.map((m) => `m${m}: resultsByDistrict(period: "${m}") { orgUnit { id } numerator denominator status }`).join(' ')} } }`;
  return dataOf(await system.query(query, undefined, { as })).indicator as Record<
    string,
    { orgUnit: { id: string }; numerator: number | null; denominator: number | null; status: string }[]
  >;
}

test.each(['IND-4.2', 'IND-3.1'])('%s by month and district: no small count visible to an ANALYST, no hidden district recoverable', async (code) => {
  const exact = await byMonth(code, caller('LABOUR', 'COORDINATOR'));
  const shown = await byMonth(code, caller(null, 'ANALYST'));
  let cells = 0;
  let small = 0;
  let suppressed = 0;
  for (const month of MONTHS) {
    const key = `m${month}`;
    const hidden = exact[key].filter((_, i) => shown[key][i].status === 'SUPPRESSED');
    exact[key].forEach((cell, i) => {
      const seen = shown[key][i];
      cells += 1;
      if (isSmall(cell.numerator) || isSmall(cell.denominator)) small += 1;
      if (seen.status === 'SUPPRESSED') {
        suppressed += 1;
        expect(seen).toMatchObject({ numerator: null, denominator: null });
      } else {
        // Shown: exactly the coordinator's numbers, neither of them 1 or 2.
        expect(seen).toEqual(cell);
        expect({ month, unit: cell.orgUnit.id, small: isSmall(cell.numerator) || isSmall(cell.denominator) }).toEqual({
          month,
          unit: cell.orgUnit.id,
          small: false,
        });
      }
    });
    const sum = (pick: (c: { numerator: number | null; denominator: number | null }) => number | null) => hidden.reduce((s, c) => s + (pick(c) ?? 0), 0);
    const safe = hidden.length === 0 || (hidden.length >= 2 && !isSmall(sum((c) => c.numerator)) && !isSmall(sum((c) => c.denominator)));
    // Otherwise every district with counts is hidden (nothing left to add; a small province hides all of them).
    const everyCounted = exact[key].every((c, i) => shown[key][i].status === 'SUPPRESSED' || ((c.numerator ?? 0) === 0 && (c.denominator ?? 0) === 0));
    expect({ month, safe: safe || everyCounted }).toEqual({ month, safe: true });
  }
  console.log(`${code} 2024 by month: ${cells} district cells, ${small} with a count of 1 or 2, ${suppressed} suppressed for an ANALYST`);
  expect(cells).toBe(12 * 13); // 13 districts, 12 months
  expect(small).toBeGreaterThan(0); // the generated data has small cells, so the test is not empty
});
