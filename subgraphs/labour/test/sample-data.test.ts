import { caller, dataOf, startSystem, TestSystem } from '../../../test/harness';

/** The generated 2021–2025 data set loads and lands around the targets (some districts below). */
let system: TestSystem;

beforeAll(async () => {
  system = await startSystem({ sampleData: true, as: caller('LABOUR', 'AGENCY_OFFICER') });
});
afterAll(() => system.stop());

test('every labour indicator has a plausible 2024 value', async () => {
  const data = dataOf(
    await system.query(
      `{ indicators(owner: "LABOUR") { code result(period: "2024") { numerator denominator value status } resultsByDistrict(period: "2024") { value } } }`,
    ),
  );
  const values = Object.fromEntries(data.indicators.map((i: any) => [i.code, i.result.value]));
  // Kept up in at least three quarters (docs/indicators.md, readings): 36 of 173 communes in 2024.
  expect(values['IND-1.1']).toBeGreaterThan(15);
  expect(values['IND-1.3b']).toBeGreaterThan(45);
  expect(values['IND-2.1']).toBeGreaterThan(60);
  expect(values['IND-4.1']).toBeGreaterThanOrEqual(1);
  expect(values['IND-4.2']).toBeGreaterThan(40);
  expect(values['IND-5.1a']).toBeGreaterThan(50);
  expect(values['IND-5.1b']).toBeGreaterThan(25);
  const byDistrict = data.indicators.find((i: any) => i.code === 'IND-1.1').resultsByDistrict.map((r: any) => r.value);
  expect(Math.min(...byDistrict.filter((v: number | null) => v !== null))).toBeLessThan(70);
});
