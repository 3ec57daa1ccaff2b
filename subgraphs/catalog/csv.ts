// CSV as RFC 4180 has it: fields separated by commas, records by line breaks (CRLF, LF or CR),
// a field in double quotes may hold commas, line breaks and doubled quotes. Pure: text in,
// records out, each with the line it starts on, so every error can name its line.

export interface CsvRecord {
  /** The line of the file the record starts on; the first line is 1. */
  line: number;
  fields: string[];
}

/** Why the text is not CSV, and where: nothing after it can be read reliably. */
export interface CsvSyntaxError {
  line: number;
  message: string;
}

export type CsvParse = { records: CsvRecord[]; error: null } | { records: CsvRecord[]; error: CsvSyntaxError };

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Reads every record. Blank lines (no characters at all) are skipped, as spreadsheets leave them
 * at the end of a file. A byte-order mark is ignored. Stops at the first syntax error: a quote
 * inside an unquoted field, text after a closing quote, or a quote never closed.
 */
export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const fail = (at: number, message: string): CsvParse => ({ records, error: { line: at, message } });
  /** Moves past one line break at i (CRLF counts once), counting the line. */
  const lineBreak = (): boolean => {
    const c = text.charCodeAt(i);
    if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    else if (c === LF) i += 1;
    else return false;
    line++;
    return true;
  };

  while (i < n) {
    if (lineBreak()) continue;
    const start = line;
    const fields: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        const opened = line;
        let value = '';
        let from = ++i;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) return fail(opened, 'a quoted field is never closed');
          line += countLineBreaks(text, from, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        fields.push(value);
        const next = text.charCodeAt(i);
        if (i < n && next !== COMMA && next !== CR && next !== LF) return fail(line, 'a closing quote must end its field (a quote inside a quoted field is written twice)');
      } else {
        let end = i;
        while (end < n) {
          const c = text.charCodeAt(end);
          if (c === COMMA || c === CR || c === LF) break;
          if (c === QUOTE) return fail(line, 'a quote inside an unquoted field (quote the whole field and write the quote twice)');
          end++;
        }
        fields.push(text.slice(i, end));
        i = end;
      }
      if (i >= n || text.charCodeAt(i) !== COMMA) break;
      i++;
    }
    records.push({ line: start, fields });
    lineBreak();
  }
  return { records, error: null };
}

/** Line breaks in text[from, to): CRLF is one. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === LF) count++;
    else if (c === CR && text.charCodeAt(k + 1) !== LF) count++;
  }
  return count;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One record as a CSV line ending in CRLF: fields with commas, quotes or line breaks are quoted. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map((f) => (NEEDS_QUOTES.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',')}\r\n`;
}
