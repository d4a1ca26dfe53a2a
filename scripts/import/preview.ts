import { readFileSync } from 'node:fs';
import { CsvMappingNeeded } from '@/lib/import/generic-csv';
import { previewOf, readImportFile } from '@/lib/import/read-file';
import { csvMappingSchema } from '@/lib/validation/client-data';
import { runCli } from '../insights/cli';

const USAGE = 'usage: npm run import:preview -- FILE [--mapping MAPPING.json] [--json]';

// What Tandem recognises in a tracker's export, without a database: the format, how many
// entries, their first and last day, and the mood labels that would need mapping. Any other
// CSV is read through a column mapping (a JSON file shaped as lib/import/generic-csv.ts's
// CsvMapping); without one, the answer is "csv" with the columns found to map.
function main(): void {
  const args = process.argv.slice(2);
  const isJson = args.includes('--json');
  const at = args.indexOf('--mapping');
  const mappingFile = at === -1 ? undefined : args[at + 1];
  const files = args.filter((a, i) => a !== '--json' && (at === -1 || (i !== at && i !== at + 1)));
  if (files.length !== 1 || files[0]?.startsWith('--') || (at !== -1 && (mappingFile === undefined || mappingFile.startsWith('--')))) {
    console.error(USAGE);
    process.exit(2);
  }
  const csvMapping = mappingFile === undefined ? undefined : mappingOf(readFileSync(mappingFile, 'utf8'));
  const text = readFileSync(files[0] as string, 'utf8');
  const began = performance.now();
  let preview;
  try {
    preview = previewOf(readImportFile(text, csvMapping));
  } catch (error) {
    if (!(error instanceof CsvMappingNeeded)) throw error;
    const message = `Not a Daylio or iMoodJournal export: give --mapping MAPPING.json naming which of its columns hold the date and the mood.`;
    if (isJson) process.stdout.write(`${JSON.stringify({ format: 'csv', columns: error.columns, message })}\n`);
    else process.stdout.write(`Format: csv\nColumns: ${error.columns.map((c) => `"${c}"`).join(', ')}\n${message}\n`);
    return;
  }
  const summary = {
    format: preview.format,
    entries: preview.entries,
    firstDate: preview.firstDate,
    lastDate: preview.lastDate,
    moodLabels: preview.moods.map((m) => m.label),
  };
  if (isJson) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  const labels = summary.moodLabels.length === 0 ? 'none (moods are already 1 to 10)' : summary.moodLabels.join(', ');
  process.stdout.write(
    `Format: ${summary.format}\nEntries: ${summary.entries}, from ${summary.firstDate} to ${summary.lastDate}\nMood labels to map: ${labels}\nRead in ${Math.round(performance.now() - began)} ms\n`,
  );
}

function mappingOf(text: string) {
  const parsed = csvMappingSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`the mapping is not valid: ${issue?.path.join('.') || 'it'}: ${issue?.message}`);
  }
  return parsed.data;
}

runCli('import:preview', main);
