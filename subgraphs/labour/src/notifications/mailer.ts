import nodemailer from 'nodemailer';
import type { Logger } from '@qn/common';

/** One e-mail as the outbox hands it to a mailer. */
export interface OutgoingMessage {
  to: string[];
  subject: string;
  text: string;
}

/** Where the outbox's messages go: an SMTP server, or the service log when none is configured. */
export interface Mailer {
  /** For the start-up line: where messages go. */
  readonly describe: string;
  /** Resolves when the server accepted the message (`delivered`), rejects when it refused it. */
  send(message: OutgoingMessage): Promise<{ delivered: boolean; messageId: string | null }>;
  close(): void;
}

export const DEFAULT_FROM = 'Phòng, chống mại dâm tỉnh Quảng Ngãi <khong-tra-loi@quangngai.gov.vn>';

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  requireTls: boolean;
  user?: string;
  password?: string;
  from: string;
}

/** A real SMTP client (nodemailer), one pooled connection. */
export function smtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    requireTLS: settings.requireTls,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    pool: true,
    maxConnections: 1,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    describe: `SMTP ${settings.host}:${settings.port}`,
    async send(message) {
      const info = await transport.sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text });
      return { delivered: true, messageId: info.messageId ?? null };
    },
    close: () => transport.close(),
  };
}

/** No SMTP host set: each message is written to the service log (status LOGGED), never reported as sent. */
export function loggingMailer(logger: Pick<Logger, 'info'>): Mailer {
  return {
    describe: 'the service log (QN_SMTP_HOST is not set)',
    async send(message) {
      logger.info({ to: message.to, subject: message.subject }, `e-mail not sent (no SMTP server configured): ${message.subject}`);
      return { delivered: false, messageId: null };
    },
    close: () => undefined,
  };
}

/** QN_SMTP_HOST, QN_SMTP_PORT (587), QN_SMTP_SECURE, QN_SMTP_REQUIRE_TLS, QN_SMTP_USER, QN_SMTP_PASSWORD, QN_MAIL_FROM. */
export function mailerFromEnv(env: NodeJS.ProcessEnv, logger: Pick<Logger, 'info'>): Mailer {
  if (!env.QN_SMTP_HOST) return loggingMailer(logger);
  const port = Number(env.QN_SMTP_PORT ?? 587);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`QN_SMTP_PORT must be a port number, not '${env.QN_SMTP_PORT}'`);
  return smtpMailer({
    host: env.QN_SMTP_HOST,
    port,
    secure: env.QN_SMTP_SECURE === '1',
    requireTls: env.QN_SMTP_REQUIRE_TLS === '1',
    user: env.QN_SMTP_USER || undefined,
    password: env.QN_SMTP_PASSWORD || undefined,
    from: env.QN_MAIL_FROM || DEFAULT_FROM,
  });
}
