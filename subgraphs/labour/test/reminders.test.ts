import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { Identity } from '@qn/common';
import { caller, dataOf, GraphQLResponse, startSystem, TestSystem } from '../../../test/harness';
import { loggingMailer, sendQueued, smtpMailer } from '../src/notifications';
import { planReminders, ReminderWorker } from '../src/reporting';

/**
 * Reminders that reach people: the units' mailboxes, the outbox and a real SMTP server
 * (smtp-server, in this process) that the test reads. The quarter is 2021Q1 (data to
 * 14/3/2021, due 20/3/2021): the programme's first, so no earlier report is overdue and
 * every message below can be counted by hand. Its reporters are the 13 districts; the
 * departments report from 2021Q4 (the plan was adopted on 5/11/2021).
 */
interface Received {
  to: string[];
  subject: string;
  text: string;
}
let system: TestSystem;
let smtp: SMTPServer;
let smtpPort = 0;
const inbox: Received[] = [];
/** Recipients the server refuses (550), to see the outbox retry. */
const refused = new Set<string>();

// Today (December 2026) the standing agency is the Department of Health; in 2021 it was DOLISA.
const coordinator = caller('HEALTH', 'COORDINATOR');
const coordinator2021 = caller('LABOUR', 'COORDINATOR');
const head = (unit: string): Identity => (/^\d+$/.test(unit) ? caller('DISTRICTS', 'AGENCY_HEAD', unit) : caller(unit, 'AGENCY_HEAD'));
let n = 0;
const key = (label: string) => `reminders-${label}-${process.pid}-${++n}`;
const code = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.code;
const newMailer = () =>
  smtpMailer({ host: '127.0.0.1', port: smtpPort, secure: false, requireTls: false, from: 'Phòng, chống mại dâm <khong-tra-loi@quangngai.gov.vn>' });
let shared: ReturnType<typeof newMailer>;
/** One pooled connection for the test's own sends (the workers open their own). */
const mailer = () => shared;
const labour = () => system.subgraphs.labour.dataSource;
const setNow = (iso: string) => {
  process.env.QN_NOW = iso;
};

async function mutate(name: string, inputType: string, input: Record<string, unknown>, as: Identity, fields = 'id version status') {
  return system.query(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input }, { as });
}
const CONTACTS = 'unitId address label';
const setContacts = (unitId: string, contacts: { address: string; label: string }[], as: Identity) =>
  mutate('setReportingContacts', 'SetReportingContactsInput', { unitId, contacts, idempotencyKey: key(`c-${unitId}`) }, as, CONTACTS);
const inboxOf = (address: string) => inbox.filter((m) => m.to.includes(address));

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // The test's clients close their connections; a leftover one is cut after a second, not the default 30.
    closeTimeout: 1000,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address)) return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));
        inbox.push({ to, subject: mail.subject ?? '', text: mail.text ?? '' });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  shared = newMailer();
  system = await startSystem({ as: coordinator });
});

afterAll(async () => {
  delete process.env.QN_NOW;
  shared?.close();
  await system?.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('mailboxes', () => {
  test("a unit's head sets its role mailboxes; bad addresses, unknown units and other units' heads are refused", async () => {
    const police = dataOf(
      await setContacts(
        'POLICE',
        [
          { address: 'VanThu.CA@quangngai.gov.vn', label: 'Văn thư' },
          { address: 'pc06@quangngai.gov.vn', label: 'Phòng PC06' },
        ],
        head('POLICE'),
      ),
    ).setReportingContacts;
    // Addresses are kept in lower case, in order.
    expect(police.map((c: { address: string }) => c.address)).toEqual(['pc06@quangngai.gov.vn', 'vanthu.ca@quangngai.gov.vn']);
    dataOf(await setContacts('522', [{ address: 'ubnd522@quangngai.gov.vn', label: 'Văn thư UBND' }], head('522')));
    dataOf(
      await setContacts(
        '524',
        [
          { address: 'vanthu.ubnd524@quangngai.gov.vn', label: 'Văn thư' },
          { address: 'ldtbxh524@quangngai.gov.vn', label: 'Phòng LĐ-TB&XH' },
        ],
        head('524'),
      ),
    );

    const bad = await setContacts('POLICE', [{ address: 'not an address', label: 'x' }], head('POLICE'));
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contacts[0].address' });
    const twice = await setContacts(
      'POLICE',
      [
        { address: 'a@quangngai.gov.vn', label: 'x' },
        { address: 'A@quangngai.gov.vn', label: 'y' },
      ],
      head('POLICE'),
    );
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contacts' });
    expect(code(await setContacts('POLICE', [{ address: 'x@quangngai.gov.vn', label: 'x' }], head('HEALTH')))).toBe('FORBIDDEN');
    expect(code(await setContacts('POLICE', [{ address: 'x@quangngai.gov.vn', label: 'x' }], caller('POLICE', 'AGENCY_OFFICER')))).toBe('FORBIDDEN');
    const unknown = await setContacts('NOPE', [{ address: 'x@quangngai.gov.vn', label: 'x' }], coordinator);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    // Nothing of the refused calls was stored.
    const stored = dataOf(await system.query(`{ reportingContacts(unitId: "POLICE") { address } }`, {}, { as: coordinator })).reportingContacts;
    expect(stored).toEqual([{ address: 'pc06@quangngai.gov.vn' }, { address: 'vanthu.ca@quangngai.gov.vn' }]);
  });
});

describe('reminders of 2021Q1 (due 20/3/2021)', () => {
  test('nothing before the reminder window: 14/3 is six days before the deadline', async () => {
    expect(await planReminders(labour(), '2021-03-14')).toBe(0);
  });

  test('five days before: one DUE_SOON to each unit with mailboxes (522, 524), sent once however often planned', async () => {
    // 522 and 524 are the only districts with mailboxes, and neither has reported: 2 messages (POLICE has
    // mailboxes too, but owes no 2021Q1 report).
    expect(await planReminders(labour(), '2021-03-15')).toBe(2);
    expect(await planReminders(labour(), '2021-03-16')).toBe(0);
    const round = await sendQueued(labour(), mailer());
    expect(round).toEqual({ sent: 2, logged: 0, retried: 0, failed: 0 });
    expect(inboxOf('ubnd522@quangngai.gov.vn').map((m) => m.subject)).toEqual(['Nhắc hạn gửi báo cáo quý I năm 2021: hạn 20/3/2021']);
    // One message to both of 524's mailboxes.
    const district = inboxOf('ldtbxh524@quangngai.gov.vn');
    expect(district).toHaveLength(1);
    expect(district[0].to.sort()).toEqual(['ldtbxh524@quangngai.gov.vn', 'vanthu.ubnd524@quangngai.gov.vn']);
    expect(district[0].text).toContain('Kính gửi: UBND Huyện Bình Sơn');
    expect(district[0].text).toContain('Hạn gửi là ngày 20/3/2021');
    expect(district[0].text).toContain('Sở Lao động - Thương binh và Xã hội tỉnh Quảng Ngãi');
    expect(inboxOf('pc06@quangngai.gov.vn')).toEqual([]);
  });

  test("on the deadline a DUE_TODAY; a unit that has reported gets no OVERDUE, one that hasn't gets exactly one, even from two workers", async () => {
    expect(await planReminders(labour(), '2021-03-20')).toBe(2);
    // 522 reports on the deadline day.
    setNow('2021-03-20T09:00:00+07:00');
    const [draft] = dataOf(
      await mutate('createReportDrafts', 'CreateReportDraftsInput', { period: '2021Q1', unitIds: ['522'], idempotencyKey: key('d') }, head('522')),
    ).createReportDrafts;
    const written = dataOf(
      await mutate(
        'updateReportNarrative',
        'UpdateReportNarrativeInput',
        {
          id: draft.id,
          expectedVersion: draft.version,
          idempotencyKey: key('n'),
          results: 'Đã tuyên truyền.',
          difficulties: 'Không.',
          proposals: 'Không.',
        },
        head('522'),
      ),
    ).updateReportNarrative;
    dataOf(await mutate('submitReport', 'ReportChangeInput', { id: written.id, expectedVersion: written.version, idempotencyKey: key('s') }, head('522')));

    const workers = [1, 2].map(() => new ReminderWorker(labour(), newMailer(), { intervalMs: 60_000, today: () => '2021-03-23' }));
    const before = inbox.length;
    const rounds = await Promise.all([...workers, ...workers, ...workers].map((w) => w.round()));
    await Promise.all(workers.map((w) => w.stop()));
    // The two DUE_TODAY queued above, and 524's OVERDUE: three messages sent in all, each by one worker.
    expect(rounds.reduce((sum, r) => sum + r.sent, 0)).toBe(3);
    expect(rounds.reduce((sum, r) => sum + r.queued, 0)).toBe(1);
    const received = inbox
      .slice(before)
      .map((m) => `${m.to.includes('ubnd522@quangngai.gov.vn') ? '522' : '524'}: ${m.subject}`)
      .sort();
    expect(received).toEqual([
      '522: Hôm nay là hạn gửi báo cáo quý I năm 2021',
      '524: Báo cáo quý I năm 2021 đã quá hạn (hạn 20/3/2021)',
      '524: Hôm nay là hạn gửi báo cáo quý I năm 2021',
    ]);
    // Later rounds send nothing more for the quarter.
    expect(await planReminders(labour(), '2021-04-10')).toBe(0);
    expect(await sendQueued(labour(), mailer())).toEqual({ sent: 0, logged: 0, retried: 0, failed: 0 });
  });

  test('a return and an approval are written to the unit once each, in the change itself', async () => {
    setNow('2021-03-25T09:00:00+07:00');
    const [report] = dataOf(await system.query(`{ reports(period: "2021Q1", unitId: "522") { id version status } }`, {}, { as: coordinator2021 })).reports;
    const input = { id: report.id, expectedVersion: report.version, reason: 'Bổ sung số liệu xã Nghĩa Dũng', idempotencyKey: key('r') };
    const returned = dataOf(await mutate('returnReport', 'ReturnReportInput', input, coordinator2021)).returnReport;
    // The retry of the same return answers the same and queues nothing more.
    dataOf(await mutate('returnReport', 'ReturnReportInput', input, coordinator2021));
    const written = dataOf(
      await mutate(
        'updateReportNarrative',
        'UpdateReportNarrativeInput',
        {
          id: report.id,
          expectedVersion: returned.version,
          idempotencyKey: key('n2'),
          results: 'Đã tuyên truyền; đã bổ sung số liệu.',
          difficulties: 'Không.',
          proposals: 'Không.',
        },
        head('522'),
      ),
    ).updateReportNarrative;
    const resubmitted = dataOf(
      await mutate('submitReport', 'ReportChangeInput', { id: report.id, expectedVersion: written.version, idempotencyKey: key('s2') }, head('522')),
    ).submitReport;
    dataOf(
      await mutate('approveReport', 'ReportChangeInput', { id: report.id, expectedVersion: resubmitted.version, idempotencyKey: key('a') }, coordinator2021),
    );

    const before = inbox.length;
    expect(await sendQueued(labour(), mailer())).toEqual({ sent: 2, logged: 0, retried: 0, failed: 0 });
    const [back, approved] = inbox.slice(before);
    expect(back.subject).toBe('Báo cáo quý I năm 2021 được trả lại để hoàn thiện');
    expect(back.text).toContain('Lý do: Bổ sung số liệu xã Nghĩa Dũng');
    expect(approved.subject).toBe('Báo cáo quý I năm 2021 đã được duyệt');
  });

  test("myNotifications lists what was sent to the caller's unit; other units' heads cannot read it", async () => {
    delete process.env.QN_NOW;
    const page = dataOf(
      await system.query(`{ myNotifications { totalCount nodes { kind period status recipients attempts sentAt } } }`, {}, { as: head('522') }),
    ).myNotifications;
    // 522: DUE_SOON, DUE_TODAY, RETURNED, APPROVED — no OVERDUE, it reported on time.
    expect(page.nodes.map((m: { kind: string }) => m.kind)).toEqual(['DUE_SOON', 'DUE_TODAY', 'RETURNED', 'APPROVED']);
    expect(page.nodes.every((m: { status: string; sentAt: string | null; period: string }) => m.status === 'SENT' && m.sentAt && m.period === '2021Q1')).toBe(
      true,
    );
    expect(code(await system.query(`{ myNotifications(unitId: "522") { totalCount } }`, {}, { as: head('524') }))).toBe('FORBIDDEN');
    const other = dataOf(await system.query(`{ myNotifications(unitId: "524") { nodes { kind } } }`, {}, { as: coordinator })).myNotifications;
    expect(other.nodes.map((m: { kind: string }) => m.kind)).toEqual(['DUE_SOON', 'DUE_TODAY', 'OVERDUE']);
    expect(code(await system.query(`{ myNotifications { totalCount } }`, {}, { as: null }))).toBe('UNAUTHENTICATED');
  });
});

describe('the outbox when the server refuses', () => {
  test('a refused message is tried again later, then FAILED with the reason; with no SMTP server, messages are LOGGED, never SENT', async () => {
    dataOf(await setContacts('527', [{ address: 'vanthu.ubnd527@quangngai.gov.vn', label: 'Văn thư' }], head('527')));
    refused.add('vanthu.ubnd527@quangngai.gov.vn');
    // 527 has not reported 2021Q1: one OVERDUE.
    expect(await planReminders(labour(), '2021-04-10')).toBe(1);
    expect(await sendQueued(labour(), mailer(), { maxAttempts: 2 })).toEqual({ sent: 0, logged: 0, retried: 1, failed: 0 });
    const [waiting] = await labour().query("SELECT status, attempts, last_error FROM notification WHERE unit_id = '527'");
    expect(waiting).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(waiting.last_error).toMatch(/550/);
    // Not due again before its delay (1 minute after the first failure).
    expect(await sendQueued(labour(), mailer(), { maxAttempts: 2 })).toEqual({ sent: 0, logged: 0, retried: 0, failed: 0 });
    await labour().query("UPDATE notification SET next_attempt_at = now() WHERE unit_id = '527'");
    expect(await sendQueued(labour(), mailer(), { maxAttempts: 2 })).toEqual({ sent: 0, logged: 0, retried: 0, failed: 1 });
    expect((await labour().query("SELECT status, attempts FROM notification WHERE unit_id = '527'"))[0]).toEqual({ status: 'FAILED', attempts: 2 });

    refused.clear();
    dataOf(await setContacts('528', [{ address: 'vanthu.ubnd528@quangngai.gov.vn', label: 'Văn thư' }], head('528')));
    expect(await planReminders(labour(), '2021-04-10')).toBe(1);
    const logged: string[] = [];
    expect(await sendQueued(labour(), loggingMailer({ info: (_o: unknown, line: string) => logged.push(line) } as never))).toEqual({
      sent: 0,
      logged: 1,
      retried: 0,
      failed: 0,
    });
    expect(logged).toEqual(['e-mail not sent (no SMTP server configured): Báo cáo quý I năm 2021 đã quá hạn (hạn 20/3/2021)']);
    expect((await labour().query("SELECT status FROM notification WHERE unit_id = '528'"))[0].status).toBe('LOGGED');
  });
});
