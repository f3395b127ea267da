import { DataSource, EntityManager, In } from 'typeorm';
import { Notification, NotificationKind, NotificationStatus, ReportingContact } from './entities';
import { Mailer } from './mailer';

/** A message to queue for a unit. `dedupeKey` makes queuing it again a no-op. */
export interface QueuedMessage {
  unitId: string;
  period: string;
  kind: NotificationKind;
  dedupeKey: string;
  reportId?: string | null;
  subject: string;
  body: string;
}

/** The key of a reminder: one per kind, unit and period, ever. */
export const reminderKey = (kind: NotificationKind, unitId: string, period: string) => `${kind}|${unitId}|${period}`;

/**
 * Queues messages to their units' mailboxes, with `manager` (inside the caller's
 * transaction: a return and its message are kept or lost together), in one statement
 * per 500. A unit without a mailbox is not written to; a message already queued under
 * its key is left as it is. Returns how many were newly queued.
 */
export async function queueNotifications(manager: EntityManager | DataSource, messages: QueuedMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  const contacts = await manager
    .getRepository(ReportingContact)
    .find({ where: { unitId: In([...new Set(messages.map((m) => m.unitId))]) }, order: { address: 'ASC' } });
  const mailboxes = new Map<string, string[]>();
  for (const c of contacts) mailboxes.set(c.unitId, [...(mailboxes.get(c.unitId) ?? []), c.address]);
  const rows = messages.filter((m) => mailboxes.has(m.unitId)).map((m) => ({ ...m, reportId: m.reportId ?? null, recipients: mailboxes.get(m.unitId)! }));
  let queued = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(rows.slice(i, i + 500))
      .orIgnore()
      .execute();
    queued += (result.raw as unknown[]).length;
  }
  return queued;
}

/** One message (see `queueNotifications`): true when it was newly queued. */
export async function queueNotification(manager: EntityManager | DataSource, message: QueuedMessage): Promise<boolean> {
  return (await queueNotifications(manager, [message])) > 0;
}

export interface SendRound {
  sent: number;
  logged: number;
  retried: number;
  failed: number;
}

/** Minutes before the next try after the n-th failure: 1, 2, 4, 8 … */
export const retryDelayMinutes = (attempts: number) => 2 ** Math.max(0, attempts - 1);

/**
 * Sends what the outbox holds. Each message is first taken (`FOR UPDATE SKIP LOCKED`,
 * status SENDING, committed) by exactly one sender, so two workers never send the same
 * message; a sender that stops between taking and sending leaves it SENDING, never
 * sent twice (at most once). A refusal by the server puts it back with a delay, up to
 * `maxAttempts` tries, then FAILED with the last error.
 */
export async function sendQueued(dataSource: DataSource, mailer: Mailer, options: { batch?: number; maxAttempts?: number } = {}): Promise<SendRound> {
  const batch = options.batch ?? 50;
  const maxAttempts = options.maxAttempts ?? 5;
  const round: SendRound = { sent: 0, logged: 0, retried: 0, failed: 0 };
  for (;;) {
    const [taken]: [{ id: string; recipients: string[]; subject: string; body: string; attempts: number; created_at: Date }[], number] = await dataSource.query(
      `UPDATE notification SET status = $1, attempts = attempts + 1
       WHERE id IN (SELECT id FROM notification WHERE status = $2 AND next_attempt_at <= now() ORDER BY created_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id, recipients, subject, body, attempts, created_at`,
      [NotificationStatus.SENDING, NotificationStatus.PENDING, batch],
    );
    // RETURNING keeps no order: send in the order queued (a return before the approval that followed it).
    const claimed = taken.sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id));
    if (claimed.length === 0) return round;
    for (const message of claimed) {
      try {
        const { delivered, messageId } = await mailer.send({ to: message.recipients, subject: message.subject, text: message.body });
        await dataSource.query('UPDATE notification SET status = $2, sent_at = now(), message_id = $3, last_error = NULL WHERE id = $1', [
          message.id,
          delivered ? NotificationStatus.SENT : NotificationStatus.LOGGED,
          messageId,
        ]);
        if (delivered) round.sent++;
        else round.logged++;
      } catch (error) {
        const reason = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
        const last = message.attempts >= maxAttempts;
        await dataSource.query(`UPDATE notification SET status = $2, last_error = $3, next_attempt_at = now() + make_interval(mins => $4) WHERE id = $1`, [
          message.id,
          last ? NotificationStatus.FAILED : NotificationStatus.PENDING,
          reason,
          retryDelayMinutes(message.attempts),
        ]);
        if (last) round.failed++;
        else round.retried++;
      }
    }
    if (claimed.length < batch) return round;
  }
}
