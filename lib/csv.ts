export type CsvRecord = { line: number; cells: string[] };

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`Line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Splits CSV text (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks) into
 * records, each with the line it starts on, so an error can name the line a person sees in a
 * spreadsheet. Blank lines are skipped.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let isQuoted = false;
  let wasQuoted = false;
  let line = 1;
  let recordLine = 1;

  const endCell = () => {
    cells.push(cell);
    cell = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endCell();
    if (cells.length > 1 || (cells[0] ?? '').trim() !== '') records.push({ line: recordLine, cells });
    cells = [];
  };

  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (isQuoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else {
          isQuoted = false;
          wasQuoted = true;
        }
      } else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (cell.trim() !== '' || wasQuoted) throw new CsvSyntaxError(line, 'a quote appears in the middle of a field.');
      cell = '';
      isQuoted = true;
    } else if (ch === ',') {
      endCell();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else if (wasQuoted) {
      if (ch.trim() !== '') throw new CsvSyntaxError(line, 'text follows a closing quote.');
    } else {
      cell += ch;
    }
  }
  if (isQuoted) throw new CsvSyntaxError(recordLine, 'a quoted field is never closed.');
  endRecord();
  return records;
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, or starts or ends
 * with white space. A cell starting with = + - @ or a tab is prefixed with ' so a spreadsheet never
 * runs it as a formula (OWASP "CSV Injection").
 */
function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
