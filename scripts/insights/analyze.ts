import { readFileSync } from 'node:fs';
import { toDay } from '@/lib/insights/dates';
import { computeInsights } from '@/lib/insights/engine';
import { engineInputFromHistory, historyFromCsv, historyFromExport, lastDate, type History } from '@/lib/insights/history-file';
import { runCli } from './cli';

const USAGE = 'usage: tsx scripts/insights/analyze.ts <file.csv|file.json> [--as-of YYYY-MM-DD]';

function readHistory(path: string): History {
  const text = readFileSync(path, 'utf8');
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  return trimmed.startsWith('{') ? historyFromExport(JSON.parse(trimmed)) : historyFromCsv(text);
}

function main(): void {
  const args = process.argv.slice(2);
  const asOfAt = args.indexOf('--as-of');
  const asOfArg = asOfAt >= 0 ? args[asOfAt + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith('--') && (asOfAt < 0 || i !== asOfAt + 1));
  if (!file || (asOfAt >= 0 && !asOfArg)) {
    console.error(USAGE);
    process.exit(2);
  }
  const history = readHistory(file);
  const asOf = asOfArg ?? lastDate(history);
  if (!asOf) {
    console.error('the file holds no check-ins or questionnaires');
    process.exit(1);
  }
  toDay(asOf);
  const insights = computeInsights(engineInputFromHistory(history, asOf)).map(
    ({ kind, severity, direction, window, summary, evidence }) => ({
      kind,
      severity,
      direction,
      window,
      summary,
      evidence,
    }),
  );
  process.stdout.write(`${JSON.stringify({ asOf, insights })}\n`);
}

runCli('insights:analyze', main);
