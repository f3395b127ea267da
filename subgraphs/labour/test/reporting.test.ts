import { strFromU8, unzipSync } from 'fflate';
import { writeFileSync } from 'node:fs';
import { Identity } from '@qn/common';
import { caller, dataOf, GraphQLResponse, startSystem, TestSystem } from '../../../test/harness';

/**
 * One quarter (2024Q3: data 15/6 → 14/9/2024, due 20/9/2024) end to end through the
 * gateway: drafts for all 28 units with the graph's numbers, submissions, one return
 * and resubmission, approval, the consolidated report with its CSV and DOCX, and
 * completeness showing the unit that never reported. Then the never-lose rules.
 */
let system: TestSystem;
const coordinator = caller('LABOUR', 'COORDINATOR');
const head = (unit: string): Identity => (/^\d+$/.test(unit) ? caller('DISTRICTS', 'AGENCY_HEAD', unit) : caller(unit, 'AGENCY_HEAD'));
const NEVER = 'CULTURE'; // never submits
const LATE = '536'; // Lý Sơn submits after the deadline
const RETURNED = 'POLICE';
let keyCounter = 0;
const key = (label: string) => `test-${label}-${process.pid}-${++keyCounter}`;

const REPORT =
  'id unitId unitKind status version revision results figures { dataPeriod indicators { code orgUnitId period numerator denominator value target status unavailable } tasks { taskId count evidence } counts { key value } }';

async function gql(query: string, variables: Record<string, unknown>, as: Identity = coordinator) {
  return system.query(query, variables, { as });
}
async function mutate(name: string, inputType: string, input: Record<string, unknown>, as: Identity = coordinator, fields = REPORT): Promise<GraphQLResponse> {
  return gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input }, as);
}
const code = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.code;

let reports: Record<string, any> = {};
const setNow = (iso: string) => {
  process.env.QN_NOW = iso;
};

beforeAll(async () => {
  system = await startSystem({ as: coordinator });
  const officer = caller('LABOUR', 'AGENCY_OFFICER');
  const activity = (communeId: string, districtId: string, heldOn: string) =>
    gql(
      `mutation($input: RecordCommunicationActivityInput!) { recordCommunicationActivity(input: $input) { id } }`,
      { input: { form: 'MEETING', communeId, districtId, heldOn, participants: 30 } },
      officer,
    ).then(dataOf);
  // 2024Q3's window is 15/6 → 14/9: the 14/6 and 15/9 activities fall outside it.
  await activity('21010', '522', '2024-06-14');
  await activity('21010', '522', '2024-06-15');
  await activity('21013', '522', '2024-09-14');
  await activity('21043', '524', '2024-08-01');
  await activity('21040', '524', '2024-09-15');
  await gql(
    `mutation($input: AdoptDistrictPlanInput!) { adoptDistrictPlan(input: $input) { id } }`,
    { input: { districtId: '522', year: 2024, adoptedOn: '2024-07-01' } },
    officer,
  ).then(dataOf);
  await gql(
    `mutation($input: CreateServiceBusinessInput!) { createServiceBusiness(input: $input) { id } }`,
    { input: { name: 'Karaoke 522', kind: 'KARAOKE', districtId: '522', employees: 12, openedOn: '2020-01-01' } },
    caller('POLICE', 'AGENCY_OFFICER'),
  ).then(dataOf);
});

afterAll(async () => {
  delete process.env.QN_NOW;
  await system?.stop();
});

describe('one quarter end to end', () => {
  it('asks indicator results for the cut-off window and says so; the 14th is in, the 15th out', async () => {
    const data = dataOf(
      await gql(
        `{
      q3: task(id: "TASK-II.1b-2") { ... on LabourTask { progress(period: "2024Q3R", orgUnit: "522") { period count } } }
      cal: task(id: "TASK-II.1b-2") { ... on LabourTask { progress(period: "2024Q3", orgUnit: "522") { period count } } }
      q4: task(id: "TASK-II.1b-2") { ... on LabourTask { progress(period: "2024Q4R", orgUnit: "524") { count } } }
      indicator(code: "IND-1.1") { result(period: "2024Q3R", orgUnit: "522") { period numerator } }
      p: reportingPeriod(date: "2024-12-15") { id from to deadline dataPeriod nameVi }
    }`,
        {},
      ),
    );
    expect(data.q3.progress).toEqual({ period: '2024Q3R', count: 2 }); // 15/6 and 14/9
    expect(data.cal.progress).toEqual({ period: '2024Q3', count: 1 }); // only 14/9 is in July-September
    expect(data.q4.progress.count).toBe(1); // 15/9 opens Q4
    expect(data.indicator.result.period).toBe('2024Q3R');
    expect(data.p).toEqual({ id: '2025Q1', from: '2024-12-15', to: '2025-03-14', deadline: '2025-03-20', dataPeriod: '2025Q1R', nameVi: 'quý I năm 2025' });
  });

  it('opens drafts for all 28 units, filled with the numbers the graph gives for 2024Q3R', async () => {
    setNow('2024-09-15T08:00:00+07:00');
    const k = key('drafts');
    const created = dataOf(await mutate('createReportDrafts', 'CreateReportDraftsInput', { period: '2024Q3', idempotencyKey: k })).createReportDrafts;
    expect(created).toHaveLength(28); // 15 agencies + 13 districts (DISTRICTS reports through its members)
    reports = Object.fromEntries(created.map((r: any) => [r.unitId, r]));
    expect(created.every((r: any) => r.status === 'DRAFT' && r.version === 1)).toBe(true);
    expect(Object.keys(reports)).toEqual(expect.arrayContaining(['LABOUR', 'POLICE', 'HEALTH', 'EDUCATION', 'INFORMATION', NEVER, '522', '536']));
    expect(reports.DISTRICTS).toBeUndefined();

    // A retry with the key gives the same drafts; the key with another payload is refused.
    const again = dataOf(
      await mutate('createReportDrafts', 'CreateReportDraftsInput', { period: '2024Q3', idempotencyKey: k }, coordinator, 'id'),
    ).createReportDrafts;
    expect(again.map((r: any) => r.id)).toEqual(created.map((r: any) => r.id));
    const misuse = await mutate('createReportDrafts', 'CreateReportDraftsInput', { period: '2024Q4', idempotencyKey: k }, coordinator, 'id');
    expect(code(misuse)).toBe('BAD_USER_INPUT');

    // The numbers are the graph's: every agency's own indicators, every indicator for a district.
    const results = dataOf(
      await gql(
        `{ indicators { code owner { code } result(period: "2024Q3R") { numerator denominator value status }
      d522: result(period: "2024Q3R", orgUnit: "522") { numerator denominator value status } } }`,
        {},
      ),
    ).indicators;
    const pick = (f: any) => ({ numerator: f.numerator, denominator: f.denominator, value: f.value, status: f.status });
    for (const agency of ['LABOUR', 'POLICE', 'EDUCATION', 'INFORMATION']) {
      const own = results.filter((i: any) => i.owner.code === agency);
      const figures = reports[agency].figures.indicators;
      expect(figures.map((f: any) => f.code)).toEqual(own.map((i: any) => i.code));
      for (const i of own) {
        const f = figures.find((x: any) => x.code === i.code);
        expect({ code: i.code, ...pick(f) }).toEqual({ code: i.code, ...pick(i.result) });
        expect(f).toMatchObject({ orgUnitId: '51', period: '2024Q3R', unavailable: null });
      }
    }
    const district = reports['522'].figures;
    expect(district.indicators).toHaveLength(16);
    for (const i of results)
      expect({ code: i.code, ...pick(district.indicators.find((f: any) => f.code === i.code)) }).toEqual({ code: i.code, ...pick(i.d522) });
    expect(district.counts.find((c: any) => c.key === 'EVIDENCE-COMMUNICATION').value).toBe(2);
    expect(district.counts.find((c: any) => c.key === 'EVIDENCE-DISTRICT-PLANS').value).toBe(1);
    expect(reports.LABOUR.figures.tasks.find((t: any) => t.taskId === 'TASK-II.1b-2').count).toBe(3); // 15/6, 14/9 (522) and 1/8 (524)
    expect(reports.HEALTH.figures.indicators).toEqual([]);
    expect(reports[NEVER].figures.tasks.length).toBeGreaterThan(0);
  });

  it("lets only the unit's head write and submit; units submit, Lý Sơn late", async () => {
    const narrative = (unit: string, as: Identity) =>
      mutate(
        'updateReportNarrative',
        'UpdateReportNarrativeInput',
        {
          id: reports[unit].id,
          expectedVersion: reports[unit].version,
          idempotencyKey: key(`n-${unit}`),
          results: `Đơn vị ${unit} đã triển khai tuyên truyền phòng, chống mại dâm.`,
          difficulties: 'Kinh phí còn hạn chế.',
          proposals: 'Đề nghị bổ sung kinh phí.',
        },
        as,
        'id version status results',
      );
    expect(code(await narrative('LABOUR', head('POLICE')))).toBe('NOT_FOUND');
    expect(code(await narrative('LABOUR', caller('LABOUR', 'AGENCY_OFFICER')))).toBe('FORBIDDEN');
    expect(code(await narrative('522', head('524')))).toBe('NOT_FOUND');
    const notWritten = await mutate(
      'submitReport',
      'ReportChangeInput',
      { id: reports.HEALTH.id, expectedVersion: 1, idempotencyKey: key('empty') },
      head('HEALTH'),
      'id',
    );
    expect(code(notWritten)).toBe('BAD_USER_INPUT');

    setNow('2024-09-18T10:00:00+07:00');
    for (const unit of Object.keys(reports)) {
      if (unit === NEVER || unit === LATE) continue;
      const written = dataOf(await narrative(unit, head(unit))).updateReportNarrative;
      const submitted = dataOf(
        await mutate(
          'submitReport',
          'ReportChangeInput',
          { id: written.id, expectedVersion: written.version, idempotencyKey: key(`s-${unit}`) },
          head(unit),
          'id version status',
        ),
      ).submitReport;
      expect(submitted.status).toBe('SUBMITTED');
      reports[unit] = { ...reports[unit], ...submitted };
    }
    setNow('2024-09-23T09:00:00+07:00');
    const written = dataOf(await narrative(LATE, head(LATE))).updateReportNarrative;
    reports[LATE] = {
      ...reports[LATE],
      ...dataOf(
        await mutate(
          'submitReport',
          'ReportChangeInput',
          { id: written.id, expectedVersion: written.version, idempotencyKey: key('late') },
          head(LATE),
          'id version status',
        ),
      ).submitReport,
    };
    expect(reports[LATE].status).toBe('SUBMITTED');

    // A district head sees only their own unit's reports.
    const own = dataOf(await gql(`{ reports(period: "2024Q3") { unitId } }`, {}, head('522'))).reports;
    expect(own).toEqual([{ unitId: '522' }]);
  });

  it('DOLISA returns one with a reason; the unit corrects and resubmits; every step is in the history', async () => {
    const police = reports[RETURNED];
    const officerTry = await mutate(
      'returnReport',
      'ReturnReportInput',
      { id: police.id, expectedVersion: police.version, reason: 'x', idempotencyKey: key('r0') },
      head('POLICE'),
      'id',
    );
    expect(code(officerTry)).toBe('FORBIDDEN');
    const returned = dataOf(
      await mutate(
        'returnReport',
        'ReturnReportInput',
        {
          id: police.id,
          expectedVersion: police.version,
          reason: 'Bổ sung số vụ việc đã xử lý trong kỳ.',
          idempotencyKey: key('r1'),
        },
        coordinator,
        'id version status returnReason',
      ),
    ).returnReport;
    expect(returned).toMatchObject({ status: 'RETURNED', returnReason: 'Bổ sung số vụ việc đã xử lý trong kỳ.' });
    const edited = dataOf(
      await mutate(
        'updateReportNarrative',
        'UpdateReportNarrativeInput',
        {
          id: police.id,
          expectedVersion: returned.version,
          results: 'Đã bổ sung số vụ việc.',
          idempotencyKey: key('r2'),
        },
        head('POLICE'),
        'id version',
      ),
    ).updateReportNarrative;
    const resubmitted = dataOf(
      await mutate(
        'submitReport',
        'ReportChangeInput',
        { id: police.id, expectedVersion: edited.version, idempotencyKey: key('r3') },
        head('POLICE'),
        'id version status timeliness',
      ),
    ).submitReport;
    expect(resubmitted).toMatchObject({ status: 'RESUBMITTED', timeliness: 'ON_TIME' }); // judged on the first submission
    reports[RETURNED] = { ...police, ...resubmitted };

    const history = dataOf(
      await gql(`query($id: ID!) { report(id: $id) { history { version action status reason actor at report { status results } } } }`, { id: police.id }),
    ).report.history;
    expect(history.map((h: any) => h.action)).toEqual(['CREATE_DRAFT', 'EDIT', 'SUBMIT', 'RETURN', 'EDIT', 'SUBMIT']);
    expect(history.map((h: any) => h.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(history[3]).toMatchObject({ status: 'RETURNED', reason: 'Bổ sung số vụ việc đã xử lý trong kỳ.', actor: coordinator.subject });
    expect(history[2]).toMatchObject({
      actor: head('POLICE').subject,
      report: { status: 'SUBMITTED', results: 'Đơn vị POLICE đã triển khai tuyên truyền phòng, chống mại dâm.' },
    });
    expect(history[5].report).toEqual({ status: 'RESUBMITTED', results: 'Đã bổ sung số vụ việc.' });
  });

  it("DOLISA approves; an approved report is locked, even against SQL from the application's role", async () => {
    for (const unit of Object.keys(reports)) {
      if (unit === NEVER) continue;
      const r = reports[unit];
      reports[unit] = {
        ...r,
        ...dataOf(
          await mutate(
            'approveReport',
            'ReportChangeInput',
            { id: r.id, expectedVersion: r.version, idempotencyKey: key(`a-${unit}`) },
            coordinator,
            'id version status',
          ),
        ).approveReport,
      };
      expect(reports[unit].status).toBe('APPROVED');
    }
    const labour = reports.LABOUR;
    const edit = await mutate(
      'updateReportNarrative',
      'UpdateReportNarrativeInput',
      { id: labour.id, expectedVersion: labour.version, results: 'sửa', idempotencyKey: key('locked') },
      head('LABOUR'),
      'id',
    );
    expect(code(edit)).toBe('CONFLICT');
    const db = system.subgraphs.labour.dataSource;
    await expect(db.query(`UPDATE report SET results = 'sửa lén' WHERE id = $1`, [labour.id])).rejects.toThrow(/approved and locked/);
    await expect(db.query(`UPDATE report SET status = 'DRAFT' WHERE id = $1`, [labour.id])).rejects.toThrow(/approved and locked/);
    await expect(db.query(`DELETE FROM report WHERE id = $1`, [labour.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE report_event SET reason = 'x' WHERE report_id = $1`, [labour.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM report_event`)).rejects.toThrow(/append-only/);
    // The service's role has no TRUNCATE privilege at all; the trigger would refuse it too.
    await expect(db.query(`TRUNCATE report_event`)).rejects.toThrow(/append-only|permission denied/);
    const [row] = await db.query(`SELECT status, results FROM report WHERE id = $1`, [labour.id]);
    expect(row).toEqual({ status: 'APPROVED', results: 'Đơn vị LABOUR đã triển khai tuyên truyền phòng, chống mại dâm.' });
  });

  it('consolidates the quarter: every indicator for the province and each district, as the CSV and the document say', async () => {
    setNow('2024-09-25T09:00:00+07:00');
    const data = dataOf(
      await gql(
        `{
      consolidatedReport(period: "2024Q3") {
        period dataPeriod from to
        indicators { code ownerCode province { orgUnitId value numerator denominator status source reportId } districts { orgUnitId value numerator denominator status source } }
        tasks { taskId ownerCode count source }
        completeness { expected received onTime late missing overdue reportingRate timelyRate units { unitId timeliness status received daysLate } }
        csv
        document { filename mimeType base64 }
      }
      indicators { code result(period: "2024Q3R") { value numerator denominator status } resultsByDistrict(period: "2024Q3R") { orgUnit { id } value numerator denominator status } }
    }`,
        {},
      ),
    );
    const report = data.consolidatedReport;
    expect(report).toMatchObject({ period: '2024Q3', dataPeriod: '2024Q3R', from: '2024-06-15', to: '2024-09-14' });
    expect(report.indicators).toHaveLength(16);
    const csvRows = report.csv
      .trim()
      .split('\r\n')
      .map((l: string) => l.split(','));
    expect(csvRows[0]).toEqual([
      'record',
      'code',
      'title_vi',
      'org_unit_id',
      'org_unit_name',
      'numerator',
      'denominator',
      'value',
      'target',
      'status',
      'source',
      'report_id',
    ]);
    const csvValue = (codeId: string, orgUnit: string) => {
      const row = report.csv
        .trim()
        .split('\r\n')
        .find((l: string) => l.startsWith(`INDICATOR,${codeId},`) && l.includes(`,${orgUnit},`));
      expect(row).toBeDefined();
      return row;
    };
    const n = (v: number | null) => (v === null ? '' : String(v));
    for (const live of data.indicators) {
      const c = report.indicators.find((i: any) => i.code === live.code);
      expect([c.province.value, c.province.numerator, c.province.denominator, c.province.status]).toEqual([
        live.result.value,
        live.result.numerator,
        live.result.denominator,
        live.result.status,
      ]);
      expect(c.province.source).toBe('REPORT');
      expect(csvValue(live.code, '51')).toContain(`,${n(live.result.numerator)},${n(live.result.denominator)},${n(live.result.value)},`);
      expect(c.districts).toHaveLength(13);
      for (const d of live.resultsByDistrict) {
        const cell = c.districts.find((x: any) => x.orgUnitId === d.orgUnit.id);
        expect({ code: live.code, unit: d.orgUnit.id, value: cell.value, numerator: cell.numerator, status: cell.status, source: cell.source }).toEqual({
          code: live.code,
          unit: d.orgUnit.id,
          value: d.value,
          numerator: d.numerator,
          status: d.status,
          source: 'REPORT',
        });
        expect(csvValue(live.code, d.orgUnit.id)).toContain(`,${n(d.numerator)},${n(d.denominator)},${n(d.value)},`);
      }
    }
    expect(report.tasks.find((t: any) => t.taskId === 'TASK-II.1b-2')).toMatchObject({ ownerCode: 'LABOUR', count: 3, source: 'REPORT' });
    expect(report.tasks.filter((t: any) => t.ownerCode === NEVER).every((t: any) => t.source === 'LIVE')).toBe(true);

    const s = report.completeness;
    expect(s).toMatchObject({ expected: 28, received: 27, onTime: 26, late: 1, missing: 1, overdue: 1 });
    expect(s.units.find((u: any) => u.unitId === NEVER)).toEqual({ unitId: NEVER, timeliness: 'OVERDUE', status: 'DRAFT', received: false, daysLate: 5 });
    expect(s.units.find((u: any) => u.unitId === LATE)).toMatchObject({ timeliness: 'LATE', daysLate: 3, status: 'APPROVED' });
    expect(csvRows.find((r: string[]) => r[0] === 'UNIT' && r[1] === NEVER)).toEqual(expect.arrayContaining(['DRAFT', 'OVERDUE']));

    const overdue = dataOf(await gql(`{ overdueReports(year: 2024) { period unitId } }`, {})).overdueReports;
    expect(overdue.filter((o: any) => o.period === '2024Q3')).toEqual([{ period: '2024Q3', unitId: NEVER }]);
    expect(overdue.filter((o: any) => o.period === '2024Q2')).toHaveLength(28); // nobody opened Q2 in this test
    expect(overdue.some((o: any) => o.period === '2024Q4' || o.period === '2024S1')).toBe(false); // not due / not asked

    // The printable document: a DOCX whose text reads as the province's report.
    expect(report.document).toMatchObject({
      filename: 'bao-cao-phong-chong-mai-dam-2024Q3.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const bytes = Buffer.from(report.document.base64, 'base64');
    if (process.env.QN_KEEP_EXPORT) writeFileSync(process.env.QN_KEEP_EXPORT, bytes);
    const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']);
    const text = xml.replace(/<w:p[ >].*?<\/w:p>/gs, (p) => `${p.replace(/<[^>]+>/g, '')}\n`).replace(/<[^>]+>/g, '');
    for (const expected of [
      'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI',
      'SỞ LAO ĐỘNG - THƯƠNG BINH',
      'VÀ XÃ HỘI',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Quảng Ngãi, ngày 25 tháng 9 năm 2024',
      'BÁO CÁO',
      'quý III năm 2024',
      '(Số liệu tính từ ngày 15/6/2024 đến ngày 14/9/2024)',
      'Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi.',
      'I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ',
      'II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
      'III. TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ',
      'V. KHÓ KHĂN, VƯỚNG MẮC',
      'VI. ĐỀ XUẤT, KIẾN NGHỊ',
      'GIÁM ĐỐC',
      'Nơi nhận:',
      'Số đơn vị phải báo cáo: 28; đã báo cáo: 27 (đúng hạn: 26, trễ hạn: 1); chưa báo cáo: 1 (Sở Văn hóa, Thể thao và Du lịch)',
      'Đơn vị 522 đã triển khai tuyên truyền phòng, chống mại dâm.',
      'Chưa gửi (quá hạn)',
    ])
      expect(text).toContain(expected);
  });

  it("keeps the submitted numbers and shows where today's live numbers differ", async () => {
    await gql(
      `mutation($input: RecordCommunicationActivityInput!) { recordCommunicationActivity(input: $input) { id } }`,
      { input: { form: 'CLUB', communeId: '21016', districtId: '522', heldOn: '2024-08-20', participants: 25 } },
      caller('LABOUR', 'AGENCY_OFFICER'),
    ).then(dataOf);
    const data = dataOf(
      await gql(`query($id: ID!) { report(id: $id) { status figures { counts { key value } } liveDifferences { kind key orgUnitId field reported live } } }`, {
        id: reports['522'].id,
      }),
    );
    expect(data.report.figures.counts.find((c: any) => c.key === 'EVIDENCE-COMMUNICATION').value).toBe(2);
    expect(data.report.liveDifferences).toEqual(
      expect.arrayContaining([
        { kind: 'COUNT', key: 'EVIDENCE-COMMUNICATION', orgUnitId: null, field: 'count', reported: '2', live: '3' },
        expect.objectContaining({ kind: 'INDICATOR', key: 'IND-1.1', orgUnitId: '522', field: 'numerator' }),
      ]),
    );
    const unchanged = dataOf(await gql(`query($id: ID!) { report(id: $id) { liveDifferences { key } } }`, { id: reports['524'].id }));
    expect(unchanged.report.liveDifferences).toEqual([]);
  });
});

describe('never lose, never overwrite', () => {
  let correction: any;

  it('corrects an approved report as a new revision with its reason; the approved one stays readable', async () => {
    const approved = reports['522'];
    correction = dataOf(
      await mutate(
        'correctReport',
        'CorrectReportInput',
        { id: approved.id, reason: 'Bổ sung hoạt động ngày 20/8 nhập muộn.', idempotencyKey: key('c1') },
        head('522'),
        'id revision status version correctsId correctionReason figures { counts { key value } } revisions { id revision status }',
      ),
    ).correctReport;
    expect(correction).toMatchObject({
      revision: 2,
      status: 'DRAFT',
      version: 1,
      correctsId: approved.id,
      correctionReason: 'Bổ sung hoạt động ngày 20/8 nhập muộn.',
    });
    expect(correction.figures.counts.find((c: any) => c.key === 'EVIDENCE-COMMUNICATION').value).toBe(3);
    expect(correction.revisions.map((r: any) => [r.revision, r.status])).toEqual([
      [1, 'APPROVED'],
      [2, 'DRAFT'],
    ]);
    const again = await mutate('correctReport', 'CorrectReportInput', { id: approved.id, reason: 'lần nữa', idempotencyKey: key('c2') }, head('522'), 'id');
    expect(code(again)).toBe('CONFLICT');
  });

  it('two concurrent edits of one report: exactly one wins, the other is a CONFLICT', async () => {
    const edit = (text: string) =>
      mutate(
        'updateReportNarrative',
        'UpdateReportNarrativeInput',
        {
          id: correction.id,
          expectedVersion: correction.version,
          results: text,
          idempotencyKey: key('race'),
        },
        head('522'),
        'id version results',
      );
    const answers = await Promise.all([edit('Phiên bản A'), edit('Phiên bản B')]);
    const wins = answers.filter((a) => !a.errors);
    const conflicts = answers.filter((a) => code(a) === 'CONFLICT');
    expect([wins.length, conflicts.length]).toEqual([1, 1]);
    const [row] = await system.subgraphs.labour.dataSource.query('SELECT version, results FROM report WHERE id = $1', [correction.id]);
    expect(row).toEqual({ version: 2, results: wins[0].data!.updateReportNarrative.results });
    correction = { ...correction, version: 2 };
  });

  it('twenty parallel submissions with one key store one submission and all get the first answer', async () => {
    const k = key('twenty');
    const submit = () =>
      mutate(
        'submitReport',
        'ReportChangeInput',
        { id: correction.id, expectedVersion: correction.version, idempotencyKey: k },
        head('522'),
        'id version status submittedAt',
      );
    const answers = await Promise.all(Array.from({ length: 20 }, submit));
    expect(answers.filter((a) => a.errors)).toEqual([]);
    const bodies = answers.map((a) => a.data!.submitReport);
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(bodies[0]).toMatchObject({ status: 'SUBMITTED', version: 3 });
    const db = system.subgraphs.labour.dataSource;
    const events = await db.query(`SELECT count(*)::int AS n FROM report_event WHERE report_id = $1 AND action = 'SUBMIT'`, [correction.id]);
    expect(events[0].n).toBe(1);
    expect((await db.query('SELECT count(*)::int AS n FROM idempotency_key WHERE key = $1', [k]))[0].n).toBe(1);
    // Keys are the caller's own: the same caller sending another payload under the key is refused.
    const misuse = await mutate(
      'submitReport',
      'ReportChangeInput',
      { id: correction.id, expectedVersion: correction.version + 1, idempotencyKey: k },
      head('522'),
      'id',
    );
    expect(code(misuse)).toBe('BAD_USER_INPUT');
  });
});

describe('budget estimates and deadlines', () => {
  // 2024: DOLISA and the 13 districts still existed (2025's estimates are the reorganised units': test/reorganisation.test.ts).
  it("units estimate their tasks' costs; DOLISA compiles the yearly plan for Finance", async () => {
    const set = (as: Identity, input: Record<string, unknown>) =>
      mutate(
        'setBudgetEstimate',
        'SetBudgetEstimateInput',
        { year: 2024, fundingSource: 'PROVINCIAL_BUDGET', idempotencyKey: key('b'), ...input },
        as,
        'id unitId taskCode amount version',
      );
    const labour = dataOf(
      await set(head('LABOUR'), { unitId: 'LABOUR', taskCode: 'TASK-V.1-3', amount: '350000000', note: 'Tập huấn cán bộ' }),
    ).setBudgetEstimate;
    dataOf(await set(head('WOMENS_UNION'), { unitId: 'WOMENS_UNION', taskCode: 'TASK-V.14-1', amount: '120000000' }));
    const district = await dataOf(await gql(`{ tasks(owner: "DISTRICTS") { id } }`, {})).tasks[0].id;
    dataOf(await set(head('522'), { unitId: '522', taskCode: district, amount: '80000000', fundingSource: 'DISTRICT_BUDGET' }));
    expect(code(await set(head('POLICE'), { unitId: 'LABOUR', taskCode: 'TASK-V.1-3', amount: '1' }))).toBe('FORBIDDEN');
    expect(code(await set(head('LABOUR'), { unitId: 'LABOUR', taskCode: 'TASK-V.2-1', amount: '1' }))).toBe('BAD_USER_INPUT');
    expect(code(await set(head('LABOUR'), { unitId: 'LABOUR', taskCode: 'TASK-V.1-3', amount: '400000000' }))).toBe('CONFLICT'); // exists: needs expectedVersion
    const changed = dataOf(
      await set(head('LABOUR'), { unitId: 'LABOUR', taskCode: 'TASK-V.1-3', amount: '400000000', expectedVersion: labour.version }),
    ).setBudgetEstimate;
    expect(changed).toMatchObject({ amount: '400000000', version: 2 });
    expect(code(await set(head('LABOUR'), { unitId: 'LABOUR', taskCode: 'TASK-V.1-3', amount: '1', expectedVersion: 1 }))).toBe('CONFLICT');

    const plan = dataOf(
      await gql(
        `{ budgetPlan(year: 2024) { total units { unitId total } byFundingSource { fundingSource total } unitsWithoutEstimate csv } }`,
        {},
        caller('FINANCE', 'AGENCY_OFFICER'),
      ),
    ).budgetPlan;
    expect(plan.total).toBe('600000000');
    expect(plan.units).toEqual([
      { unitId: 'LABOUR', total: '400000000' },
      { unitId: 'WOMENS_UNION', total: '120000000' },
      { unitId: '522', total: '80000000' },
    ]);
    expect(plan.byFundingSource).toEqual(
      expect.arrayContaining([
        { fundingSource: 'PROVINCIAL_BUDGET', total: '520000000' },
        { fundingSource: 'DISTRICT_BUDGET', total: '80000000' },
      ]),
    );
    expect(plan.unitsWithoutEstimate).toContain('POLICE');
    expect(plan.csv.split('\r\n')[1]).toBe('2024,LABOUR,Sở Lao động - Thương binh và Xã hội,TASK-V.1-3,PROVINCIAL_BUDGET,400000000,Tập huấn cán bộ');
    expect(code(await gql(`{ budgetPlan(year: 2024) { total } }`, {}, head('POLICE')))).toBe('FORBIDDEN');
  });

  it('deadlines are configurable; asking a six-monthly report puts it on the overdue list once due', async () => {
    const set = await mutate(
      'setReportingDeadline',
      'SetReportingDeadlineInput',
      { period: '2024S1', deadline: '2024-06-25', idempotencyKey: key('d') },
      coordinator,
      'id deadline defaultDeadline',
    );
    expect(dataOf(set).setReportingDeadline).toEqual({ id: '2024S1', deadline: '2024-06-25', defaultDeadline: '2024-06-20' });
    expect(
      code(
        await mutate(
          'setReportingDeadline',
          'SetReportingDeadlineInput',
          { period: '2024S1', deadline: '2024-06-25', idempotencyKey: key('d') },
          head('LABOUR'),
          'id',
        ),
      ),
    ).toBe('FORBIDDEN');
    const overdue = dataOf(await gql(`{ overdueReports(year: 2024) { period unitId deadline } }`, {})).overdueReports;
    expect(overdue.filter((o: any) => o.period === '2024S1')).toHaveLength(28);
    expect(overdue.find((o: any) => o.period === '2024S1').deadline).toBe('2024-06-25');
  });
});

describe('numbers are taken when a report is submitted', () => {
  const narrative = (report: { id: string; version: number }) =>
    mutate(
      'updateReportNarrative',
      'UpdateReportNarrativeInput',
      {
        id: report.id,
        expectedVersion: report.version,
        idempotencyKey: key('q4-n'),
        results: 'Đã triển khai tuyên truyền trong quý IV.',
      },
      head('LABOUR'),
      'id version',
    ).then((r) => dataOf(r).updateReportNarrative);
  const submit = (report: { id: string; version: number }, label: string) =>
    mutate(
      'submitReport',
      'ReportChangeInput',
      {
        id: report.id,
        expectedVersion: report.version,
        idempotencyKey: key(label),
      },
      head('LABOUR'),
      'id version status figures { computedAt indicators { code numerator } }',
    );
  let draft: any;

  it('refuses a submission before the data window has closed, then takes the numbers of the moment of submission', async () => {
    setNow('2024-12-10T10:00:00+07:00'); // 2024Q4's window is 15/9 → 14/12/2024
    draft = dataOf(await mutate('createReportDrafts', 'CreateReportDraftsInput', { period: '2024Q4', unitIds: ['LABOUR'], idempotencyKey: key('q4-d') }))
      .createReportDrafts[0];
    const draftCommunes = draft.figures.indicators.find((f: any) => f.code === 'IND-1.1').numerator;
    draft = { ...draft, ...(await narrative(draft)) };
    const early = await submit(draft, 'q4-early');
    expect(code(early)).toBe('CONFLICT');
    expect(early.errors?.[0].message).toContain('from 2024-12-15');

    setNow('2024-12-16T09:00:00+07:00');
    // An activity of 12/12, recorded after the draft: 21043 becomes active in 2024Q4R (one quarter of one).
    await gql(
      `mutation($input: RecordCommunicationActivityInput!) { recordCommunicationActivity(input: $input) { id } }`,
      { input: { form: 'MEETING', communeId: '21043', districtId: '524', heldOn: '2024-12-12', participants: 20 } },
      caller('LABOUR', 'AGENCY_OFFICER'),
    ).then(dataOf);
    const submitted = dataOf(await submit(draft, 'q4-submit')).submitReport;
    expect(submitted.status).toBe('SUBMITTED');
    expect(submitted.figures.computedAt).toBe('2024-12-16T02:00:00.000Z'); // 9:00 in Vietnam
    expect(submitted.figures.indicators.find((f: any) => f.code === 'IND-1.1').numerator).toBe(draftCommunes + 1);
    // The draft's numbers are kept only in the history.
    const history = dataOf(await gql(`query($id: ID!) { report(id: $id) { history { action report { figures { computedAt } } } } }`, { id: draft.id })).report
      .history;
    expect(history[0]).toEqual({ action: 'CREATE_DRAFT', report: { figures: { computedAt: '2024-12-10T03:00:00.000Z' } } });
    expect(history.at(-1).report.figures.computedAt).toBe('2024-12-16T02:00:00.000Z');
  });

  it('refuses to submit when a figure cannot be taken (an agency is down), and nothing changes', async () => {
    // 2025Q1 (to 14/3/2025): DOLISA's indicators are reported by Health, the standing agency since 1/3/2025.
    setNow('2025-03-16T09:00:00+07:00');
    const health = caller('HEALTH', 'COORDINATOR');
    let q1 = dataOf(
      await mutate('createReportDrafts', 'CreateReportDraftsInput', { period: '2025Q1', unitIds: ['HEALTH'], idempotencyKey: key('q1-d') }, health),
    ).createReportDrafts[0];
    q1 = {
      ...q1,
      ...dataOf(
        await mutate(
          'updateReportNarrative',
          'UpdateReportNarrativeInput',
          {
            id: q1.id,
            expectedVersion: q1.version,
            idempotencyKey: key('q1-n'),
            results: 'Đã triển khai tuyên truyền trong quý I.',
          },
          head('HEALTH'),
          'id version',
        ),
      ).updateReportNarrative,
    };
    await system.stopSubgraph('police'); // IND-1.3a's denominator is police's
    const refused = await mutate(
      'submitReport',
      'ReportChangeInput',
      { id: q1.id, expectedVersion: q1.version, idempotencyKey: key('q1-submit') },
      head('HEALTH'),
      'id version status',
    );
    expect(code(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toContain('IND-1.3a');
    const stored = dataOf(await gql(`query($id: ID!) { report(id: $id) { status version } }`, { id: q1.id }, health)).report;
    expect(stored).toEqual({ status: 'DRAFT', version: q1.version });
  });
});
