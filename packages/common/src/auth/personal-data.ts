import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { ValueTransformer } from 'typeorm';
import { forbidden, Identity } from './identity';
import { INTERNAL_KEY_VARIABLES, internalKeyEnvironment, InternalKeySet } from './internal-keys';

/**
 * Personal data helpers (Decree 13/2023, the 2025 Personal Data Protection Law):
 * pseudonymous codes that only the key holder can recompute, and encryption of the
 * few sensitive texts that must be stored.
 */

/** Keys each agency holds for its personal data (32 bytes each); `npm start` creates them once in .data/keys.env. */
export const DATA_KEYS = ['POLICE_DATA_KEY', 'LABOUR_PSEUDONYM_KEY'] as const;

/** The one service each key is given to: no other process holds it (npm start, docker-compose). */
export const DATA_KEY_OWNER: Record<(typeof DATA_KEYS)[number], string> = {
  POLICE_DATA_KEY: 'police',
  LABOUR_PSEUDONYM_KEY: 'labour',
};

/**
 * The environment of one service's process (`npm start`, the tests): `env` without the
 * data keys of other services than `service` and without any internal key, then with
 * `service`'s own internal keys from `keys` (internal-keys.ts).
 */
export function environmentFor(service: string, env: NodeJS.ProcessEnv, keys?: InternalKeySet): NodeJS.ProcessEnv {
  const own = { ...env };
  for (const key of DATA_KEYS) if (DATA_KEY_OWNER[key] !== service) delete own[key];
  for (const name of Object.keys(own)) if ((INTERNAL_KEY_VARIABLES as readonly string[]).includes(name) || /_SERVICE_PRIVATE_KEY$/.test(name)) delete own[name];
  return keys ? { ...own, ...internalKeyEnvironment(keys, service) } : own;
}

/** The form of a person's pseudonymous code in every agency that keeps one (labour, health). */
export const CLIENT_CODE = /^QNG-[A-Z0-9]{8}$/;

/** Letters and digits of codes, without the look-alikes I, O, 0 and 1. */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Reads a 32-byte key (hex or base64) from the environment; missing or short keys stop the service. */
export function keyFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const raw = env[name];
  if (!raw) throw new Error(`${name} must be set to a 32-byte key (64 hex characters)`);
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be a 32-byte key (64 hex characters)`);
  return key;
}

/**
 * The pseudonymous code of a person: `QNG-` and 8 characters derived with HMAC-SHA256
 * from an identifier the agency holds on paper (e.g. an ID-card number). The identifier
 * is never stored; without the agency's key the code cannot be traced back to it, and
 * the same person always gets the same code, so services of several agencies meet.
 */
export function pseudonymousCode(identifier: string, key: Buffer): string {
  const normalised = identifier.normalize('NFC').trim().toUpperCase().replace(/\s+/g, '');
  const digest = createHmac('sha256', key).update(normalised).digest();
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[digest[i] % CODE_ALPHABET.length];
  return `QNG-${code}`;
}

/**
 * A code that stands for an erased person: `ERA-` and 8 random characters, never a valid
 * client code, drawn afresh for each erasure and recorded nowhere, so the records keep
 * counting (aggregates do not change) but link to no one.
 */
export function erasedCode(): string {
  const bytes = randomBytes(8);
  return `ERA-${[...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')}`;
}

/** Lawful erasure is a decision of the agency's head. */
export function assertCanErase(identity: Identity): void {
  if (!identity.roles.includes('AGENCY_HEAD')) throw forbidden("only the head of the owning agency erases a person's records");
}

const VERSION = 'v1';

/**
 * A text stored encrypted, as read from the database (`encryptedText`): decrypted only
 * when `open()` is called, so that reading rows costs no decryption of what nobody asked
 * for (a page of tips without their notes), and a value that cannot be decrypted fails
 * only the field that shows it.
 */
export class SealedText {
  constructor(
    /** The stored form: version, IV, tag and ciphertext, base64, joined by ':'. */
    readonly sealed: string,
    private readonly key: () => Buffer,
  ) {}

  open(): string {
    const [version, iv, tag, body] = this.sealed.split(':');
    if (version !== VERSION) throw new Error('unknown encryption version');
    const decipher = createDecipheriv('aes-256-gcm', this.key(), Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }
}

/** A column of `encryptedText`: the plain text a change was given, or the stored value read back. */
export type EncryptedText = string | SealedText;

/** The plain text of an `encryptedText` column's value: decrypted here if it was read from the database. */
export function openText(value: EncryptedText | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : value.open();
}

/**
 * A TypeORM column transformer that stores text encrypted (AES-256-GCM, random IV);
 * the key is read when a value is first written or opened, so a missing key stops only
 * the work that needs it. Values read come back sealed (`SealedText`): a field resolver
 * opens them with `openText` when the field is asked for. A sealed value written back
 * (an entity read and saved) is stored as it was, not encrypted twice.
 */
export function encryptedText(keyName: string): ValueTransformer {
  let key: Buffer | undefined;
  const getKey = () => (key ??= keyFromEnv(keyName));
  return {
    to(value: EncryptedText | null | undefined) {
      if (value === null || value === undefined) return value;
      if (value instanceof SealedText) return value.sealed;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', getKey(), iv);
      const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    from(value: string | null | undefined) {
      if (value === null || value === undefined) return value;
      return new SealedText(value, getKey);
    },
  };
}
