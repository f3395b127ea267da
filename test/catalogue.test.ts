import agencies from '../subgraphs/labour/src/catalogue/data/agencies.json';
import indicators from '../subgraphs/labour/src/catalogue/data/indicators.json';
import tasks from '../subgraphs/labour/src/catalogue/data/tasks.json';
import { dataOf, startSystem, TestSystem } from './harness';

/** The plan's catalogue served through the gateway, as front-end teams query it. */
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system.stop());

test('all 16 indicators with their targets and owners, without fragments', async () => {
  const data = dataOf(
    await system.query(`{
    indicators { __typename code title titleVi target { kind value min max unit per deadline cumulative } owner { code name } contributors { code } }
  }`),
  );
  expect(data.indicators).toHaveLength(16);
  expect(data.indicators.map((i: { code: string }) => i.code)).toEqual(indicators.map((i) => i.code));
  const byCode = Object.fromEntries(data.indicators.map((i: any) => [i.code, i]));
  expect(byCode['IND-1.1']).toMatchObject({
    __typename: 'LabourIndicator',
    owner: { code: 'LABOUR' },
    target: { kind: 'MIN_PERCENT', value: 70, deadline: '2025-12-31' },
  });
  expect(byCode['IND-3.3a']).toMatchObject({ __typename: 'PoliceIndicator', owner: { code: 'POLICE' }, target: { value: 20 } });
  expect(byCode['IND-3.2'].target).toMatchObject({ kind: 'GROWTH', min: 3, max: 5 });
  expect(byCode['IND-4.1'].target).toMatchObject({ kind: 'RANGE', min: 1, max: 2 });
  expect(byCode['IND-1.3c']).toMatchObject({ __typename: 'EducationIndicator', owner: { code: 'EDUCATION' } });
  expect(byCode['IND-1.2a']).toMatchObject({ __typename: 'InformationIndicator', owner: { code: 'INFORMATION' } });
  // The Vietnamese title is the plan's own text.
  expect(byCode['IND-3.3b'].titleVi).toBe(indicators.find((i) => i.code === 'IND-3.3b')!.titleVi);
});

test('every task of II, III and V, the 16 agencies of section V and the two that took over duties in 2025', async () => {
  const data = dataOf(await system.query(`{ tasks { id section title titleVi owner { code } coOwners { code } } agencies { code nameVi } }`));
  expect(data.agencies.map((a: { code: string }) => a.code)).toEqual([
    'LABOUR',
    'POLICE',
    'BORDER_GUARD',
    'HEALTH',
    'FINANCE',
    'CULTURE',
    'INFORMATION',
    'EDUCATION',
    'JUSTICE',
    'HOME_AFFAIRS',
    'PRESS',
    'SOCIAL_POLICY_BANK',
    'FATHERLAND_FRONT',
    'WOMENS_UNION',
    'PROCURACY_COURT',
    'DISTRICTS',
    // Took over duties in 2025 (Information's on 1/3/2025, the districts' on 1/7/2025): after the plan's 16.
    'SCIENCE_TECHNOLOGY',
    'COMMUNES',
  ]);
  expect(data.tasks).toHaveLength(tasks.length);
  const sectionsV = new Set(data.tasks.filter((t: { section: string }) => t.section.startsWith('V.')).map((t: { section: string }) => t.section));
  expect(sectionsV.size).toBe(16);
  for (const task of tasks) {
    const served = data.tasks.find((t: { id: string }) => t.id === task.code);
    expect(served).toMatchObject({ titleVi: task.titleVi, owner: { code: task.owner } });
  }
  // Each section V duty is owned by the agency of that section.
  for (const [i, agency] of agencies.filter((a) => a.validFrom === '2021-11-05').entries()) {
    const duties = data.tasks.filter((t: { section: string }) => t.section === `V.${i + 1}`);
    expect(duties.length).toBeGreaterThan(0);
    for (const duty of duties) expect(duty.owner.code).toBe(agency.code);
  }
});

test("the concrete task type names the owning agency's subgraph", async () => {
  const data = dataOf(
    await system.query(
      `{ police: tasks(owner: "POLICE") { __typename } border: tasks(owner: "BORDER_GUARD") { __typename } labour: tasks(section: "V.1") { __typename } }`,
    ),
  );
  expect(new Set(data.police.map((t: any) => t.__typename))).toEqual(new Set(['PoliceTask']));
  expect(new Set(data.border.map((t: any) => t.__typename))).toEqual(new Set(['RegistryTask']));
  expect(data.labour).toHaveLength(8);
});

test('organisation units with validity and the 2025 changes', async () => {
  const data = dataOf(
    await system.query(`{
    districts2021: orgUnits(level: DISTRICT, at: "2021-11-01", inPlanScope: true) { id }
    communes2021: orgUnits(level: COMMUNE, at: "2021-11-01", inPlanScope: true) { id }
    communes2025: orgUnits(level: COMMUNE, at: "2025-03-01", inPlanScope: true) { id }
    districtsLate2025: orgUnits(level: DISTRICT, at: "2025-08-01") { id }
    city: orgUnit(id: "522") { name children(at: "2025-03-01") { id } parent { id name } }
    anPhu: orgUnit(id: "21262-2025") { code name validFrom }
    successions: orgUnitSuccessions { predecessor successorId kind date }
  }`),
  );
  expect(data.districts2021).toHaveLength(13);
  expect(data.communes2021).toHaveLength(173);
  expect(data.communes2025).toHaveLength(170);
  expect(data.districtsLate2025).toHaveLength(0);
  expect(data.city).toMatchObject({ name: 'Thành phố Quảng Ngãi', parent: { id: '51', name: 'Tỉnh Quảng Ngãi' } });
  expect(data.city.children).toHaveLength(22);
  expect(data.anPhu).toMatchObject({ code: '21262', name: 'Xã An Phú', validFrom: '2025-01-01' });
  expect(data.successions).toEqual(expect.arrayContaining([{ predecessor: '21253', successorId: '21262-2025', kind: 'MERGE', date: '2025-01-01' }]));
});
