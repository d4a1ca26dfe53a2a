import { readFileSync } from 'node:fs';
import { previewOf, readImportFile } from '@/lib/import/read-file';
import { runCli } from '../insights/cli';

const USAGE = 'usage: npm run import:preview -- FILE [--json]';

// What Tandem recognises in a tracker's export, without a database: the format, how many
// entries, their first and last day, and the mood labels that would need mapping.
function main(): void {
  const args = process.argv.slice(2);
  const isJson = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (files.length !== 1 || files[0]?.startsWith('--')) {
    console.error(USAGE);
    process.exit(2);
  }
  const preview = previewOf(readImportFile(readFileSync(files[0] as string, 'utf8')));
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
    `Format: ${summary.format}\nEntries: ${summary.entries}, from ${summary.firstDate} to ${summary.lastDate}\nMood labels to map: ${labels}\n`,
  );
}

runCli('import:preview', main);
