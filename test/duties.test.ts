import measures from '../subgraphs/labour/src/catalogue/data/measures.json';
import tasks from '../subgraphs/labour/src/catalogue/data/tasks.json';
import { caller, dataOf, startSystem, TestSystem } from './harness';

/**
 * Every duty accounted for (issue 12), through the gateway: each task's measures, the
 * registry of agencies without a subgraph, checks before submission, reminders.
 */
let system: TestSystem;
const coordinator = caller('LABOUR', 'COORDINATOR');

beforeAll(async () => {
  system = await startSystem({ as: coordinator });
});

afterAll(async () => {
  await system?.stop();
});

describe('a measure for every task', () => {
  it('names what every one of the 70 tasks is counted in, in Vietnamese and English', async () => {
    const data = dataOf(await system.query(`{ tasks { id progressSource measures { code unit labelVi labelEn source } } }`));
    expect(data.tasks).toHaveLength(70);
    expect(measures).toHaveLength(tasks.length);
    for (const task of data.tasks) {
      expect(task.measures.length).toBeGreaterThan(0);
      for (const m of task.measures) expect(m.labelVi && m.labelEn).toBeTruthy();
    }
    const byId = Object.fromEntries(data.tasks.map((t: any) => [t.id, t]));
    const units = (id: string) => byId[id].measures.map((m: any) => `${m.code}:${m.unit}`);
    expect(units('TASK-V.12-1')).toEqual(['LOANS:COUNT', 'LOAN_AMOUNT:VND']);
    expect(units('TASK-V.15-2')).toEqual(['CASES_PROSECUTED:CASES', 'CASES_TRIED:CASES', 'DEFENDANTS:PEOPLE']);
    expect(units('TASK-V.3-2')).toEqual(['PATROLS:COUNT', 'TRAFFICKING_CASES_DETECTED:CASES']);
    expect(units('TASK-V.6-1')).toEqual(['INSPECTIONS:INSPECTIONS', 'VIOLATIONS:CASES']);
    expect(units('TASK-V.9-1')).toEqual(['SESSIONS:SESSIONS', 'PARTICIPANTS:PEOPLE']);
    expect(units('TASK-V.14-1')).toEqual(['MODELS:COUNT', 'PERSONS_CONNECTED:PEOPLE']);
    expect(units('TASK-V.13-1')).toEqual(['SUPERVISION_VISITS:VISITS']);
    expect(units('TASK-V.10-1')).toEqual(['AWARDS_PROPOSED:COUNT']);
    // 27 tasks are counted from records in the five subgraphs (14 labour, 3 police, 2 health,
    // 2 education, 6 information); the other 43 are entered in the registry.
    expect(data.tasks.filter((t: any) => t.progressSource === 'RECORDS')).toHaveLength(27);
    expect(data.tasks.filter((t: any) => t.progressSource === 'REGISTRY')).toHaveLength(43);
  });

  it('says RECORDS exactly where the owning subgraph counts records (a count, zero on an empty database)', async () => {
    const data = dataOf(await system.query(`{ tasks { id progressSource measures { labelEn } progress(period: "2024") { count evidence } } }`));
    for (const task of data.tasks) {
      if (task.progressSource !== 'RECORDS') continue;
      expect({ id: task.id, counted: task.progress !== null }).toEqual({ id: task.id, counted: true });
      expect(task.progress.evidence).toBe(task.measures[0].labelEn);
    }
  });
});
