import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, 'x'],
          [null, undefined],
        ],
      ),
    ).toBe('a,b\r\n1,x\r\n,\r\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv(['v'], [['Lee, Morgan'], ['say "hi"'], ['two\nlines']])).toBe('v\r\n"Lee, Morgan"\r\n"say ""hi"""\r\n"two\nlines"\r\n');
  });

  it('keeps white space at either end by quoting', () => {
    expect(toCsv(['v'], [[' padded '], ['plain']])).toBe('v\r\n" padded "\r\nplain\r\n');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(toCsv(['v'], [['=HYPERLINK("x")'], ['+1'], ['-2'], ['@a']])).toBe(`v\r\n"'=HYPERLINK(""x"")"\r\n'+1\r\n'-2\r\n'@a\r\n`);
  });
});
