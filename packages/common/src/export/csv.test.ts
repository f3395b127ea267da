import { csvCell, toCsv } from './csv';

test('quotes what needs quoting, doubles quotes, and ends lines with CRLF', () => {
  expect(
    toCsv([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      [1, null, 2.5, undefined],
    ]),
  ).toBe('a,"b,c","say ""hi""","two\nlines"\r\n1,,2.5,\r\n');
});

test('text a spreadsheet would run as a formula is neutralised; negative numbers stay numbers', () => {
  expect(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx'].map(csvCell)).toEqual(["'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tx"]);
  expect(csvCell(-2.5)).toBe('-2.5');
  // A number as a Vietnamese document writes it is not a formula.
  expect(['-3,5', '+12 %', '-1.234,5'].map(csvCell)).toEqual(['"-3,5"', '+12 %', '"-1.234,5"']);
});

test('a byte-order mark when asked, so Vietnamese text opens as UTF-8', () => {
  const csv = toCsv([['Thành phố Quảng Ngãi']], { bom: true });
  expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(csv.slice(1)).toBe('Thành phố Quảng Ngãi\r\n');
});
