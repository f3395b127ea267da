import { DataSource, EntityManager } from 'typeorm';
import { addDays, Logger, PROGRAMME_FIRST_YEAR, PROGRAMME_LAST_YEAR, standingAgencyOn, todayIso } from '@qn/common';
import { Mailer, NotificationKind, queueNotification, queueNotifications, QueuedMessage, reminderKey, sendQueued } from '../notifications';
import { completeness, deadlineOf, expectedPeriods } from './completeness';
import { dmy } from './document';
import { periodNameVi } from './docx';
import { Report } from './entities';

/** Days before a deadline that the first reminder goes out (QN_REMINDER_DAYS_BEFORE, default 5). */
export const DEFAULT_DAYS_BEFORE = 5;

const signature = (on: string) => `${standingAgencyOn(on).nameVi} tỉnh Quảng Ngãi (cơ quan thường trực phòng, chống mại dâm)`;

/** The reminder a unit gets for a report not received by `today`, by how `today` stands to the deadline. */
export function reminderMessage(unit: { unitId: string; unitName: string }, period: string, deadline: string, today: string): QueuedMessage {
  const kind = today < deadline ? NotificationKind.DUE_SOON : today === deadline ? NotificationKind.DUE_TODAY : NotificationKind.OVERDUE;
  const name = periodNameVi(period);
  const lines: Record<typeof kind, [string, string, string]> = {
    DUE_SOON: [
      `Nhắc hạn gửi báo cáo ${name}: hạn ${dmy(deadline)}`,
      `Báo cáo ${name} về công tác phòng, chống mại dâm của đơn vị chưa được gửi. Hạn gửi là ngày ${dmy(deadline)}.`,
      `The report for ${period} has not been received yet; it is due on ${deadline}.`,
    ],
    DUE_TODAY: [
      `Hôm nay là hạn gửi báo cáo ${name}`,
      `Hôm nay (${dmy(deadline)}) là hạn gửi báo cáo ${name} về công tác phòng, chống mại dâm; báo cáo của đơn vị chưa được gửi.`,
      `The report for ${period} is due today (${deadline}) and has not been received.`,
    ],
    OVERDUE: [
      `Báo cáo ${name} đã quá hạn (hạn ${dmy(deadline)})`,
      `Báo cáo ${name} về công tác phòng, chống mại dâm của đơn vị đã quá hạn gửi (hạn ngày ${dmy(deadline)}). Đề nghị đơn vị gửi báo cáo sớm.`,
      `The report for ${period} is overdue (it was due on ${deadline}); please submit it.`,
    ],
  };
  const [subject, vi, en] = lines[kind];
  return {
    unitId: unit.unitId,
    period,
    kind,
    dedupeKey: reminderKey(kind, unit.unitId, period),
    subject,
    body: `Kính gửi: ${unit.unitName}\n\n${vi}\n\n${signature(today)}\n\n---\n${en}\n`,
  };
}

/** The message a unit gets when its report is returned or approved (once per report version). */
export function reportMessage(
  report: Pick<Report, 'id' | 'unitId' | 'unitName' | 'period' | 'version' | 'returnReason'>,
  kind: NotificationKind.RETURNED | NotificationKind.APPROVED,
  on: string,
): QueuedMessage {
  const name = periodNameVi(report.period);
  const returned = kind === NotificationKind.RETURNED;
  const subject = returned ? `Báo cáo ${name} được trả lại để hoàn thiện` : `Báo cáo ${name} đã được duyệt`;
  const vi = returned
    ? `Báo cáo ${name} của đơn vị được trả lại để hoàn thiện. Lý do: ${report.returnReason ?? ''}\nĐề nghị đơn vị chỉnh sửa và gửi lại.`
    : `Báo cáo ${name} của đơn vị đã được duyệt.`;
  const en = returned
    ? `Your report for ${report.period} was returned for changes. Reason: ${report.returnReason ?? ''}`
    : `Your report for ${report.period} was approved.`;
  return {
    unitId: report.unitId,
    period: report.period,
    kind,
    reportId: report.id,
    dedupeKey: `${kind}|${report.id}|${report.version}`,
    subject,
    body: `Kính gửi: ${report.unitName}\n\n${vi}\n\n${signature(on)}\n\n---\n${en}\n`,
  };
}

/** Queues the message about a report's return or approval with the change's own transaction. */
export async function notifyReportChange(
  manager: EntityManager,
  report: Parameters<typeof reportMessage>[0],
  kind: NotificationKind.RETURNED | NotificationKind.APPROVED,
): Promise<void> {
  await queueNotification(manager, reportMessage(report, kind, todayIso()));
}

/**
 * Queues the reminders due on `today` for every expected report of the programme not
 * yet received: DUE_SOON from `daysBefore` days before the deadline, DUE_TODAY on it,
 * OVERDUE after it — each at most once per unit and period, whoever plans and how often.
 */
export async function planReminders(dataSource: DataSource, today: string, daysBefore = DEFAULT_DAYS_BEFORE): Promise<number> {
  const messages: QueuedMessage[] = [];
  for (let year = PROGRAMME_FIRST_YEAR; year <= PROGRAMME_LAST_YEAR; year++) {
    for (const period of await expectedPeriods(dataSource, year)) {
      const deadline = await deadlineOf(dataSource, period);
      if (addDays(deadline, -daysBefore) > today) continue;
      const summary = await completeness(dataSource, period.id);
      for (const unit of summary.units) if (!unit.received) messages.push(reminderMessage(unit, period.id, deadline, today));
    }
  }
  return queueNotifications(dataSource, messages);
}

/**
 * The reminder worker of the social-affairs service: every `intervalMs`, plans the
 * day's reminders and sends the outbox. Rounds of one worker never overlap; several
 * workers (replicas) may run at once — the outbox's keys and its SKIP LOCKED taking
 * keep every message queued and sent at most once.
 */
export class ReminderWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly options: { intervalMs: number; daysBefore?: number; logger?: Pick<Logger, 'info' | 'error'>; today?: () => string },
  ) {}

  /** One round: plan, then send. */
  async round(): Promise<{ queued: number; sent: number; logged: number; retried: number; failed: number }> {
    const queued = await planReminders(this.dataSource, (this.options.today ?? todayIso)(), this.options.daysBefore);
    const sent = await sendQueued(this.dataSource, this.mailer);
    if (queued || sent.sent || sent.logged || sent.failed)
      this.options.logger?.info(
        { queued, ...sent },
        `reminders: ${queued} queued, ${sent.sent} sent, ${sent.logged} logged, ${sent.retried} to retry, ${sent.failed} failed`,
      );
    return { queued, ...sent };
  }

  start(): void {
    const tick = () => {
      this.running = this.round().then(
        () => undefined,
        (error) => this.options.logger?.error({ err: error }, 'reminder round failed'),
      );
      void this.running.finally(() => {
        if (this.timer) this.timer = setTimeout(tick, this.options.intervalMs).unref();
      });
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    this.mailer.close();
  }
}
