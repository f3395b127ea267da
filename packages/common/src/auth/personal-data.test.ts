import { randomBytes } from 'node:crypto';
import { encryptedText, openText, SealedText } from './personal-data';

/** The column transformer of encrypted texts: stored sealed, read back sealed, decrypted only by openText. */
const KEY = 'QN_TEST_SEALED_KEY';
beforeAll(() => {
  process.env[KEY] = randomBytes(32).toString('hex');
});
afterAll(() => {
  delete process.env[KEY];
});

test('a text written is stored encrypted and reads back as itself once opened', () => {
  const column = encryptedText(KEY);
  const stored = column.to('Ghi chú xác minh') as string;
  expect(stored).toMatch(/^v1:/);
  expect(stored).not.toContain('xác minh');
  const read = column.from(stored);
  expect(read).toBeInstanceOf(SealedText);
  expect(openText(read)).toBe('Ghi chú xác minh');
  expect(openText('as given to a change')).toBe('as given to a change');
  expect(openText(null)).toBeNull();
  expect(column.from(null)).toBeNull();
});

test('reading a stored value decrypts nothing: a value that cannot be decrypted fails only when opened', () => {
  const column = encryptedText(KEY);
  const [version, iv, , body] = (column.to('Ghi chú') as string).split(':');
  const tampered = column.from([version, iv, Buffer.alloc(16).toString('base64'), body].join(':'));
  expect(() => openText(tampered)).toThrow();
  // Another key, known only when opened, is not asked for by reading either.
  const elsewhere = encryptedText('QN_TEST_KEY_NOBODY_SET').from('v1:aaaa:bbbb:cccc');
  expect(() => openText(elsewhere)).toThrow(/QN_TEST_KEY_NOBODY_SET must be set/);
});

test('a sealed value written back (an entity read and saved) is stored as it was, not encrypted twice', () => {
  const column = encryptedText(KEY);
  const stored = column.to('Ghi chú') as string;
  expect(column.to(column.from(stored))).toBe(stored);
  expect(openText(column.from(column.to(column.from(stored))))).toBe('Ghi chú');
});
