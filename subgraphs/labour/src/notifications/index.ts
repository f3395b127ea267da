/**
 * Notifications: the reporting units' mailboxes and the e-mail outbox with its sender.
 * Knows no report: reporting queues its reminders, returns and approvals here, in its
 * own transactions.
 */
import { NOTIFICATION_ENTITIES as ENTITIES } from './entities';

export { Notification, NotificationKind, NotificationStatus, ReportingContact } from './entities';
export { DEFAULT_FROM, loggingMailer, Mailer, mailerFromEnv, OutgoingMessage, smtpMailer } from './mailer';
export { queueNotification, queueNotifications, QueuedMessage, reminderKey, retryDelayMinutes, SendRound, sendQueued } from './outbox';
export const NOTIFICATION_ENTITIES = ENTITIES;
