import { caller, dataOf, startSystem, TestSystem } from './harness';

/** Cross-agency behaviour of the composed graph: who computes what, how much SQL it costs, partial failure. */
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem({ as: caller('LABOUR', 'COORDINATOR') });
});
afterAll(() => system.stop());

const RESULT = `result(period: "2024") { value status }`;

test('each agency computes its own indicators: the gateway fetches from every owner', async () => {
  system.gateway.fetches.reset();
  const data = dataOf(await system.query(`{ indicators { code owner { code } ${RESULT} } }`));
  expect(data.indicators).toHaveLength(16);
  const fetches = system.gateway.fetches.snapshot();
  // One fetch for labour's list (with labour's own results), one _entities fetch per computing agency.
  expect(fetches).toEqual({ labour: 1, police: 1, education: 1, information: 1 });
  for (const indicator of data.indicators) expect(indicator.result).not.toBeNull();
});

test('SQL statements per request do not grow with indicators, districts or periods asked', async () => {
  const measure = async (query: string) => {
    // Each question is answered from the data, not from measures an earlier one kept: every
    // subgraph's data gets a new version first, so the two questions compute alike and differ
    // only by their lists' length.
    for (const name of Object.keys(system.subgraphs)) await system.ownerQuery(name, 'UPDATE data_version SET version = version + 1');
    const before = system.statements();
    dataOf(await system.query(query));
    const after = system.statements();
    return Object.fromEntries(Object.keys(after).map((name) => [name, after[name] - before[name]]));
  };
  const shape = (from: string) => `{
    indicators { code owner { code } contributors { code }
      result(period: "2024") { value }
      byDistrict: resultsByDistrict(period: "2024") { value orgUnit { name } }
      series(from: "${from}", to: "2025Q4") { value } }
    tasks { id owner { code } coOwners { code } indicators { code } progress(period: "2024") { count } }
  }`;
  // The same question over a short series (2 quarters) and a long one (20 quarters): 16 indicators,
  // 13 districts, 70 tasks either way — more than 5,000 numbers in the long one. Loads that wait on
  // different earlier statements (the owners of indicators and of tasks) may land in one batch or
  // two depending on timing, so the counts may differ by that — two statements a batch of measures
  // (the data version, then the computation) — never by the length of the lists.
  await measure(shape('2025Q3')); // warm-up: the first request of a process batches less evenly
  const short = await measure(shape('2025Q3'));
  const long = await measure(shape('2021Q1'));
  for (const name of Object.keys(long)) expect({ name, growth: long[name] - short[name] <= 4 }).toEqual({ name, growth: true });
  // A handful of statements per subgraph: one per gateway fetch (indicators, tasks), plus
  // police answering labour's one call for IND-1.3a's denominator, plus labour's lists and keys,
  // plus the registry's entries: one statement for labour's own and the registry's tasks, one
  // for police's task without records (TASK-V.2-1), which police asks of labour's registry. Each
  // batch of measures reads the data version first, then computes them in one statement.
  expect(long.police).toBeLessThanOrEqual(7);
  expect(long.education).toBeLessThanOrEqual(4);
  expect(long.information).toBeLessThanOrEqual(4);
  expect(long.health).toBeLessThanOrEqual(2);
  expect(long.labour).toBeLessThanOrEqual(16);
});

test('with police down, the other agencies still answer and the error names police', async () => {
  const local = await startSystem();
  try {
    await local.stopSubgraph('police');
    const response = await local.query(`{ indicators { code title ${RESULT} } }`);
    expect(response.data?.indicators).toHaveLength(16);
    const byCode = Object.fromEntries(response.data.indicators.map((i: any) => [i.code, i]));
    expect(byCode['IND-3.1'].result).toBeNull();
    expect(byCode['IND-3.1'].title).toBeTruthy();
    expect(byCode['IND-1.2b'].result).not.toBeNull();
    expect(response.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          message: expect.stringContaining('police service is unavailable'),
          extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', service: 'police' }),
        }),
      ]),
    );
    expect(JSON.stringify(response.errors)).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED/);
  } finally {
    await local.stop();
  }
});
