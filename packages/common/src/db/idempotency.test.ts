import { createHash } from 'node:crypto';
import { requestHash } from './idempotency';

/** A retry must hash the same as the first request; any change of payload must not. */
describe('requestHash', () => {
  test('is the SHA-256 of operation, subject and the payload as canonical JSON', () => {
    const expected = createHash('sha256').update('submitReport\nhead-police\n{"expectedVersion":3,"id":"r1"}').digest('hex');
    expect(requestHash('submitReport', 'head-police', { id: 'r1', expectedVersion: 3 })).toBe(expected);
  });

  test('key order and undefined fields do not matter', () => {
    const a = requestHash('op', 's', { b: 1, a: { y: [1, 2], x: 'v' } });
    expect(requestHash('op', 's', { a: { x: 'v', y: [1, 2] }, b: 1, c: undefined })).toBe(a);
  });

  test('values, array order, null vs absent, the operation and the caller all do', () => {
    const base = requestHash('op', 's', { a: 1, list: [1, 2] });
    expect(
      new Set([
        base,
        requestHash('op', 's', { a: 2, list: [1, 2] }),
        requestHash('op', 's', { a: 1, list: [2, 1] }),
        requestHash('op', 's', { a: 1, list: [1, 2], extra: null }),
        requestHash('op', 's', { a: '1', list: [1, 2] }),
        requestHash('other', 's', { a: 1, list: [1, 2] }),
        requestHash('op', 't', { a: 1, list: [1, 2] }),
      ]).size,
    ).toBe(7);
  });
});
