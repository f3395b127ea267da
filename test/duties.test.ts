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

const bank = caller('SOCIAL_POLICY_BANK', 'AGENCY_OFFICER');
const court = caller('PROCURACY_COURT', 'AGENCY_OFFICER');
let keyCounter = 0;
const key = (label: string) => `duties-${label}-${process.pid}-${++keyCounter}`;
const code = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;
const ENTRY = 'id taskId period unitId status values { measure value } evidence agencyCode version';
const record = (input: Record<string, unknown>, as = bank) =>
  system.query(
    `mutation($input: RecordTaskProgressInput!) { recordTaskProgress(input: $input) { ${ENTRY} } }`,
    { input: { idempotencyKey: key('record'), ...input } },
    { as },
  );
const update = (input: Record<string, unknown>, as = bank) =>
  system.query(
    `mutation($input: UpdateTaskProgressInput!) { updateTaskProgress(input: $input) { ${ENTRY} } }`,
    { input: { idempotencyKey: key('update'), ...input } },
    { as },
  );
const importSheet = (format: 'CSV' | 'XLSX', content: string, as = court, idempotencyKey = key('import')) =>
  system.query(
    `mutation($input: ImportTaskProgressInput!) { importTaskProgress(input: $input) { created updated entries { ${ENTRY} } } }`,
    { input: { format, content, idempotencyKey } },
    { as },
  );
const progress = async (task: string, period: string, orgUnit?: string) =>
  dataOf(
    await system.query(
      `query($id: ID!, $period: String!, $orgUnit: ID) { task(id: $id) { progress(period: $period, orgUnit: $orgUnit) { period count evidence status values { measure value } } } }`,
      { id: task, period, orgUnit },
    ),
  ).task.progress;

describe('the registry of task progress', () => {
  let loans: any;

  it('takes an entry from the owning agency and answers Task.progress with it', async () => {
    expect(await progress('TASK-V.12-1', '2024')).toBeNull(); // nothing entered yet
    const k = key('loans');
    const input = {
      taskId: 'TASK-V.12-1',
      period: '2024',
      status: 'DONE',
      values: [
        { measure: 'LOANS', value: 14 },
        { measure: 'LOAN_AMOUNT', value: 420_000_000 },
      ],
      evidence: 'Báo cáo 12/BC-NHCS',
      idempotencyKey: k,
    };
    loans = dataOf(await record(input)).recordTaskProgress;
    expect(loans).toMatchObject({ taskId: 'TASK-V.12-1', period: '2024', unitId: '51', status: 'DONE', agencyCode: 'SOCIAL_POLICY_BANK', version: 1 });
    // The same key and payload again: the first answer, nothing new stored.
    expect(dataOf(await record(input)).recordTaskProgress.id).toBe(loans.id);
    expect(await progress('TASK-V.12-1', '2024')).toEqual({
      period: '2024',
      count: 14,
      evidence: 'Báo cáo 12/BC-NHCS',
      status: 'DONE', // count: LOANS, the first measure not in VND
      values: [
        { measure: 'LOANS', value: 14 },
        { measure: 'LOAN_AMOUNT', value: 420_000_000 },
      ],
    });
    // The report of 2024 reads its cut-off window 2024R: the same yearly entry.
    expect((await progress('TASK-V.12-1', '2024R')).count).toBe(14);
  });

  it("refuses another agency's officer, a task counted from records, an unknown measure and a second entry for the same period", async () => {
    expect(code(await record({ taskId: 'TASK-V.12-1', period: '2023', status: 'IN_PROGRESS' }, caller('CULTURE', 'AGENCY_OFFICER')))).toBe('FORBIDDEN');
    expect(code(await record({ taskId: 'TASK-V.12-1', period: '2023', status: 'IN_PROGRESS' }, coordinator))).toBe('FORBIDDEN');
    const records = await record({ taskId: 'TASK-V.4-1', period: '2024', status: 'DONE', evidence: 'x' }, caller('HEALTH', 'AGENCY_OFFICER'));
    expect(records.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'taskId' } });
    const unknown = await record({ taskId: 'TASK-V.12-1', period: '2023', status: 'IN_PROGRESS', values: [{ measure: 'PATROLS', value: 3 }] });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'PATROLS' } });
    const negative = await record({ taskId: 'TASK-V.12-1', period: '2023', status: 'IN_PROGRESS', values: [{ measure: 'LOANS', value: -1 }] });
    expect(negative.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'LOANS' } });
    expect(code(await record({ taskId: 'TASK-V.12-1', period: '2024', status: 'IN_PROGRESS' }))).toBe('CONFLICT');
    const after = await record({ taskId: 'TASK-V.12-1', period: '2026', status: 'IN_PROGRESS' });
    expect(after.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'period' } });
  });

  it('changes an entry only against its version', async () => {
    const changed = dataOf(
      await update({
        id: loans.id,
        expectedVersion: 1,
        status: 'DONE',
        values: [
          { measure: 'LOANS', value: 15 },
          { measure: 'LOAN_AMOUNT', value: 450_000_000 },
        ],
        evidence: 'Báo cáo 12/BC-NHCS (bổ sung)',
      }),
    ).updateTaskProgress;
    expect(changed.version).toBe(2);
    expect(code(await update({ id: loans.id, expectedVersion: 1, status: 'DONE', values: [], evidence: 'stale' }))).toBe('CONFLICT');
    expect((await progress('TASK-V.12-1', '2024')).count).toBe(15);
  });

  it('a CSV import with one bad row stores nothing and names the row and the field', async () => {
    const csv = [
      'task,period,unit,status,CASES_PROSECUTED,CASES_TRIED,DEFENDANTS,TRAINING_SESSIONS,evidence',
      'TASK-V.15-2,2024,,DONE,18,16,25,,Thống kê 2024 của VKSND và TAND tỉnh',
      'TASK-V.15-2,2023,,DONE,15,abc,20,,Thống kê 2023',
      'TASK-V.15-1,2024,,IN_PROGRESS,,,,3,',
    ].join('\n');
    const refused = await importSheet('CSV', csv);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'content', problems: [{ row: 3, field: 'CASES_TRIED' }] });
    expect(refused.errors?.[0].message).toContain("row 3, CASES_TRIED: 'abc' is not a number");
    expect(await progress('TASK-V.15-2', '2024')).toBeNull(); // row 2 was fine, and still nothing was stored
    expect(dataOf(await system.query('{ taskProgressEntries(taskId: "TASK-V.15-2") { id } }')).taskProgressEntries).toEqual([]);

    const fixed = csv.replace('15,abc,20', '15,13,20');
    const stored = dataOf(await importSheet('CSV', fixed)).importTaskProgress;
    expect(stored).toMatchObject({ created: 3, updated: 0 });
    expect(await progress('TASK-V.15-2', '2024')).toMatchObject({
      count: 18,
      status: 'DONE', // CASES_PROSECUTED comes first
      values: [
        { measure: 'CASES_PROSECUTED', value: 18 },
        { measure: 'CASES_TRIED', value: 16 },
        { measure: 'DEFENDANTS', value: 25 },
      ],
    });
    // A row for an entry already there must carry its version.
    const again = await importSheet('CSV', 'task,period,status,CASES_PROSECUTED,evidence\nTASK-V.15-2,2024,DONE,19,x');
    expect(again.errors?.[0].extensions).toMatchObject({ problems: [{ row: 2, field: 'version' }] });
    expect(
      dataOf(await importSheet('CSV', 'task,period,status,CASES_PROSECUTED,CASES_TRIED,DEFENDANTS,evidence,version\nTASK-V.15-2,2024,DONE,19,16,25,x,1'))
        .importTaskProgress,
    ).toMatchObject({ created: 0, updated: 1 });
  });

  it('imports an XLSX sheet the same way, and lists every problem of every row', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Biên phòng');
    sheet.addRow(['task', 'period', 'status', 'PATROLS', 'TRAFFICKING_CASES_DETECTED', 'evidence']);
    sheet.addRow(['TASK-V.3-2', '2024Q1', 'DONE', 12, 1, 'Báo cáo quý I']);
    sheet.addRow(['TASK-V.3-2', '2024Q2', 'FINISHED', 9, 0, 'Báo cáo quý II']);
    sheet.addRow(['TASK-V.9-1', '2024Q2', 'DONE', 4, '', 'không phải của Biên phòng']);
    const border = caller('BORDER_GUARD', 'AGENCY_OFFICER');
    const bad = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const refused = await importSheet('XLSX', bad, border);
    expect(refused.errors?.[0].extensions?.problems.map((p: any) => `${p.row}:${p.field}`)).toEqual(['3:status', '4:task', '4:PATROLS']);
    const fixed = new ExcelJS.Workbook();
    const rows = fixed.addWorksheet('Biên phòng');
    rows.addRow(['task', 'period', 'status', 'PATROLS', 'TRAFFICKING_CASES_DETECTED', 'evidence']);
    rows.addRow(['TASK-V.3-2', '2024Q1', 'DONE', 12, 1, 'Báo cáo quý I']);
    rows.addRow(['TASK-V.3-2', '2024Q2', 'IN_PROGRESS', 9, 0, 'Báo cáo quý II']);
    const good = Buffer.from(await fixed.xlsx.writeBuffer()).toString('base64');
    expect(dataOf(await importSheet('XLSX', good, border)).importTaskProgress.created).toBe(2);
    // No yearly entry: 2024 adds up the quarters (12 + 9 patrols, 1 + 0 cases); they disagree, so IN_PROGRESS.
    expect(await progress('TASK-V.3-2', '2024')).toMatchObject({
      count: 21,
      status: 'IN_PROGRESS',
      values: [
        { measure: 'PATROLS', value: 21 },
        { measure: 'TRAFFICKING_CASES_DETECTED', value: 1 },
      ],
    });
    expect((await progress('TASK-V.3-2', '2024Q1')).count).toBe(12);
  });

  it("police's task without records answers from the registry, through the graph", async () => {
    const police = caller('POLICE', 'AGENCY_OFFICER');
    dataOf(
      await record(
        { taskId: 'TASK-V.2-1', period: '2024', status: 'DONE', values: [{ measure: 'DOCUMENTS', value: 2 }], evidence: 'Tờ trình sửa đổi quy định' },
        police,
      ),
    );
    expect(await progress('TASK-V.2-1', '2024')).toMatchObject({ count: 2, status: 'DONE', evidence: 'Tờ trình sửa đổi quy định' });
  });

  it('districts enter their own duties per district; the province adds them up', async () => {
    const binhSon = caller('DISTRICTS', 'DISTRICT_OFFICER', '524');
    dataOf(
      await record(
        { taskId: 'TASK-V.16-3', period: '2024', unitId: '524', status: 'DONE', values: [{ measure: 'PERSONS_REINTEGRATED', value: 3 }], evidence: 'BC 5' },
        binhSon,
      ),
    );
    expect(code(await record({ taskId: 'TASK-V.16-3', period: '2024', unitId: '522', status: 'DONE', evidence: 'x' }, binhSon))).toBe('FORBIDDEN');
    dataOf(
      await record(
        { taskId: 'TASK-V.16-3', period: '2024', unitId: '522', status: 'IN_PROGRESS', values: [{ measure: 'PERSONS_REINTEGRATED', value: 4 }] },
        caller('DISTRICTS', 'DISTRICT_OFFICER', '522'),
      ),
    );
    expect(await progress('TASK-V.16-3', '2024', '524')).toMatchObject({ count: 3, status: 'DONE' });
    expect(await progress('TASK-V.16-3', '2024')).toMatchObject({ count: 7, status: 'IN_PROGRESS' }); // 3 + 4, statuses differ
  });

  it("from 1/7/2025 the local duties are the commune-level units', entered per commune; a district is refused for the periods after", async () => {
    // xã Bình Sơn (21040-2025-07; its code 21040 was Châu Ổ's before) is one of the 56 commune-level units of 1/7/2025; its People's Committee holds V.16 from then.
    const binhSonCommune = caller('COMMUNES', 'DISTRICT_OFFICER', '21040-2025-07');
    dataOf(
      await record(
        {
          taskId: 'TASK-V.16-3',
          period: '2025Q3',
          unitId: '21040-2025-07',
          status: 'DONE',
          values: [{ measure: 'PERSONS_REINTEGRATED', value: 2 }],
          evidence: 'BC 12/BC-UBND',
        },
        binhSonCommune,
      ),
    );
    // 2025Q3 has no district level: district 524 (Bình Sơn, abolished 1/7/2025) is refused, naming the level that reports.
    const district = await record(
      { taskId: 'TASK-V.16-3', period: '2025Q3', unitId: '524', status: 'DONE', values: [{ measure: 'PERSONS_REINTEGRATED', value: 1 }], evidence: 'x' },
      caller('DISTRICTS', 'DISTRICT_OFFICER', '524'),
    );
    expect(district.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    expect(district.errors?.[0].message).toContain('commune-level units');
    // Before the reform a commune is not a reporting level: 2024 wants the district.
    const early = await record(
      {
        taskId: 'TASK-V.16-3',
        period: '2024Q4',
        unitId: '21040-2025-07',
        status: 'DONE',
        values: [{ measure: 'PERSONS_REINTEGRATED', value: 1 }],
        evidence: 'x',
      },
      binhSonCommune,
    );
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    // The year 2025 has both: district 524's first half and the commune's second half, each its own entry.
    dataOf(
      await record(
        {
          taskId: 'TASK-V.16-3',
          period: '2025',
          unitId: '524',
          status: 'DONE',
          values: [{ measure: 'PERSONS_REINTEGRATED', value: 5 }],
          evidence: 'BC 6 tháng đầu năm 2025',
        },
        caller('DISTRICTS', 'DISTRICT_OFFICER', '524'),
      ),
    );
    expect((await progress('TASK-V.16-3', '2025Q3', '21040-2025-07')).count).toBe(2);
    // Another commune's officer (xã Tịnh Khê) cannot enter xã Bình Sơn's.
    expect(
      code(
        await record(
          { taskId: 'TASK-V.16-3', period: '2025Q4', unitId: '21040-2025-07', status: 'DONE', evidence: 'x' },
          caller('COMMUNES', 'DISTRICT_OFFICER', '21211-2025-07'),
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('checks on figures before submission', () => {
  const head = caller('PROCURACY_COURT', 'AGENCY_HEAD');
  let report: any;
  const VIOLATIONS = 'violations { key rule taskId measure value limit message comment }';

  it("lists a draft's figures that break a rule or stand out from the unit's own history", async () => {
    // 2021 and 2022 join 2023 (imported above: 15 prosecuted, 13 tried, 20 defendants) as history.
    const csv =
      'task,period,status,CASES_PROSECUTED,CASES_TRIED,DEFENDANTS,evidence\nTASK-V.15-2,2021,DONE,10,9,14,TK 2021\nTASK-V.15-2,2022,DONE,12,11,16,TK 2022';
    dataOf(await importSheet('CSV', csv));
    const [entry] = dataOf(await system.query('{ taskProgressEntries(taskId: "TASK-V.15-2", period: "2024") { id version } }')).taskProgressEntries;
    dataOf(
      await update(
        {
          id: entry.id,
          expectedVersion: entry.version,
          status: 'DONE',
          values: [
            { measure: 'CASES_PROSECUTED', value: 19 },
            { measure: 'CASES_TRIED', value: 21 },
            { measure: 'DEFENDANTS', value: 60 },
          ],
          evidence: 'TK 2024',
        },
        court,
      ),
    );
    // 16/12/2024: the 2024 data window (15/12/2023 → 14/12/2024) has closed, and DOLISA still coordinates.
    process.env.QN_NOW = '2024-12-16T09:00:00+07:00';
    const created = await system.query('mutation($input: CreateReportDraftsInput!) { createReportDrafts(input: $input) { id version status } }', {
      input: { period: '2024', unitIds: ['PROCURACY_COURT'], idempotencyKey: key('drafts') },
    });
    [report] = dataOf(created).createReportDrafts;
    const { violations } = dataOf(await system.query(`query($id: ID!) { report(id: $id) { ${VIOLATIONS} } }`, { id: report.id })).report;
    expect(violations).toEqual([
      // 21 tried > 19 prosecuted.
      expect.objectContaining({ key: 'V15-TRIED-LE-PROSECUTED:TASK-V.15-2:CASES_TRIED:51', value: 21, limit: 19, comment: null }),
      // Defendants 60 against 14, 16, 20: median 16, absolute deviations 2, 0, 4 → MAD 2;
      // modified z = 0.6745 × (60 − 16) / 2 = 14.8 > 3.5. (Tried 21 against 9, 11, 13: z = 0.6745 × 10 / 2 = 3.4,
      // prosecuted 19 against 10, 12, 15: z = 0.6745 × 7 / 2 = 2.4: neither is an outlier.)
      expect.objectContaining({ key: 'OUTLIER:TASK-V.15-2:DEFENDANTS:51', rule: 'OUTLIER', value: 60, limit: 16, comment: null }),
    ]);
  });

  it('refuses the submission without a comment on each violation and takes it with them; the coordinator sees them', async () => {
    try {
      const narrative = dataOf(
        await system.query(
          'mutation($input: UpdateReportNarrativeInput!) { updateReportNarrative(input: $input) { version } }',
          { input: { id: report.id, expectedVersion: report.version, results: 'Kết quả thống kê năm 2024', idempotencyKey: key('narrative') } },
          { as: head },
        ),
      ).updateReportNarrative;
      const submit = () =>
        system.query(
          'mutation($input: ReportChangeInput!) { submitReport(input: $input) { status } }',
          { input: { id: report.id, expectedVersion: narrative.version, idempotencyKey: key('submit') } },
          { as: head },
        );
      const refused = await submit();
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'violations' });
      expect(refused.errors?.[0].extensions?.problems.map((p: any) => p.field)).toEqual([
        'V15-TRIED-LE-PROSECUTED:TASK-V.15-2:CASES_TRIED:51',
        'OUTLIER:TASK-V.15-2:DEFENDANTS:51',
      ]);
      const comment = (violation: string, text: string) =>
        system.query(
          'mutation($input: CommentFigureViolationInput!) { commentFigureViolation(input: $input) { key comment } }',
          { input: { reportId: report.id, key: violation, comment: text, idempotencyKey: key('comment') } },
          { as: head },
        );
      dataOf(await comment('V15-TRIED-LE-PROSECUTED:TASK-V.15-2:CASES_TRIED:51', 'Hai vụ truy tố năm 2023 được xét xử năm 2024'));
      const stillOne = await submit();
      expect(stillOne.errors?.[0].extensions?.problems.map((p: any) => p.field)).toEqual(['OUTLIER:TASK-V.15-2:DEFENDANTS:51']);
      expect(code(await comment('OUTLIER:TASK-V.15-2:DEFENDANTS:51', 'x'.repeat(3000)))).toBe('BAD_USER_INPUT');
      dataOf(await comment('OUTLIER:TASK-V.15-2:DEFENDANTS:51', 'Một vụ án đường dây lớn có 38 bị cáo'));
      expect(dataOf(await submit()).submitReport.status).toBe('SUBMITTED');
      const seen = dataOf(await system.query(`query($id: ID!) { report(id: $id) { status ${VIOLATIONS} } }`, { id: report.id })).report;
      expect(seen.violations.map((v: any) => v.comment)).toEqual(['Hai vụ truy tố năm 2023 được xét xử năm 2024', 'Một vụ án đường dây lớn có 38 bị cáo']);
    } finally {
      delete process.env.QN_NOW;
    }
  });
});

describe("court and procuracy figures beside police's IND-3.2", () => {
  it("labour adds the registry's figures to police's indicator; police still computes the result", async () => {
    const data = dataOf(
      await system.query(
        '{ indicator(code: "IND-3.2") { __typename owner { code } result(period: "2024") { period } partnerFigures(period: "2024") { taskId agency measure unit value status } } }',
      ),
    );
    expect(data.indicator.__typename).toBe('PoliceIndicator');
    expect(data.indicator.result.period).toBe('2024'); // from police
    // Entered above: Border Guard's 2024 quarters (12 + 9 patrols, 1 + 0 cases) and the Procuracy and
    // Court's 2024 statistics as last changed (19 prosecuted, 21 tried, 60 defendants); plan order.
    expect(data.indicator.partnerFigures).toEqual([
      { taskId: 'TASK-V.3-2', agency: 'BORDER_GUARD', measure: 'PATROLS', unit: 'COUNT', value: 21, status: 'IN_PROGRESS' },
      { taskId: 'TASK-V.3-2', agency: 'BORDER_GUARD', measure: 'TRAFFICKING_CASES_DETECTED', unit: 'CASES', value: 1, status: 'IN_PROGRESS' },
      { taskId: 'TASK-V.15-2', agency: 'PROCURACY_COURT', measure: 'CASES_PROSECUTED', unit: 'CASES', value: 19, status: 'DONE' },
      { taskId: 'TASK-V.15-2', agency: 'PROCURACY_COURT', measure: 'CASES_TRIED', unit: 'CASES', value: 21, status: 'DONE' },
      { taskId: 'TASK-V.15-2', agency: 'PROCURACY_COURT', measure: 'DEFENDANTS', unit: 'PEOPLE', value: 60, status: 'DONE' },
    ]);
  });
});
