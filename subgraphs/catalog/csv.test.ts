import { describe, expect, it } from 'vitest';
import { csvLine, parseCsv } from './csv.js';

const records = (text: string) => {
  const parsed = parseCsv(text);
  expect(parsed.error).toBeNull();
  return parsed.records.map((r) => [r.line, ...r.fields]);
};

describe('parseCsv (RFC 4180)', () => {
  it('splits fields at commas and records at CRLF, LF or CR', () => {
    expect(records('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      [1, 'a', 'b'],
      [2, 'c', 'd'],
      [3, 'e', 'f'],
      [4, 'g', 'h'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(records('a,,c,\n,\n')).toEqual([
      [1, 'a', '', 'c', ''],
      [2, '', ''],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers records by the line they start on', () => {
    expect(records('name,notes\n"Tee, red","He said ""hi""\r\nand left"\nlast,"x"\n')).toEqual([
      [1, 'name', 'notes'],
      [2, 'Tee, red', 'He said "hi"\r\nand left'],
      [4, 'last', 'x'],
    ]);
  });

  it('skips blank lines and ignores a byte-order mark', () => {
    expect(records('\ufeffa,b\n\n\r\nc,d\n\n')).toEqual([
      [1, 'a', 'b'],
      [4, 'c', 'd'],
    ]);
  });

  it('reads an empty quoted field as empty and keeps spaces', () => {
    expect(records('"", a ,""""')).toEqual([[1, '', ' a ', '"']]);
  });

  it.each([
    ['a quote never closed, at the line it opened', 'a,b\nc,"d\ne\nf', 2, 'never closed'],
    ['text after a closing quote', 'a,b\n"c"d,e', 2, 'closing quote'],
    ['a quote inside an unquoted field', 'a,b\nc,d"e', 2, 'unquoted field'],
    ['a stray quote after quoted lines', '"a\nb",c\nd,e"', 3, 'unquoted field'],
  ])('refuses %s', (_label, text, line, message) => {
    const parsed = parseCsv(text);
    expect(parsed.error).toMatchObject({ line, message: expect.stringContaining(message) });
  });
});

describe('csvLine', () => {
  it('quotes only fields that need it, doubles quotes and ends with CRLF', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', ''])).toBe('plain,"a,b","say ""hi""","two\nlines",\r\n');
  });

  it('writes what parseCsv reads back unchanged', () => {
    const rows = [
      ['slug', 'description', 'x'],
      ['tee', 'Soft, "organic"\r\ncotton', ''],
      ['', ' spaced ', '|a|b|'],
    ];
    const parsed = parseCsv(rows.map(csvLine).join(''));
    expect(parsed.records.map((r) => r.fields)).toEqual(rows);
  });
});
