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
    const before = system.statements();
    dataOf(await system.query(query));
    const after = system.statements();
    return Object.fromEntries(Object.keys(after).map((name) => [name, after[name] - before[name]]));
  };
  const one = await measure(`{ indicators(owner: "POLICE") { code } indicator(code: "IND-3.1") { ${RESULT} } }`);
  const many = await measure(`{
    indicators { code owner { code } contributors { code }
      result(period: "2024") { value }
      byDistrict: resultsByDistrict(period: "2024") { value orgUnit { name } }
      series(from: "2021Q1", to: "2025Q4") { value } }
    tasks { id owner { code } coOwners { code } indicators { code } }
  }`);
  expect(many.police).toBe(one.police);
  expect(many.police).toBe(1);
  expect(many.education).toBeLessThanOrEqual(1);
  expect(many.information).toBeLessThanOrEqual(1);
  // labour: the indicator list, the task list, agencies and indicators by key, org units by key, its own measures.
  expect(many.labour).toBeLessThanOrEqual(6);
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
    expect(response.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ message: expect.stringContaining('police service is unavailable'), extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', service: 'police' }) }),
    ]));
    expect(JSON.stringify(response.errors)).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED/);
  } finally {
    await local.stop();
  }
});
