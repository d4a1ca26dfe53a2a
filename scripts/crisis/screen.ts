// npm run crisis:screen -- FILE [--json]
// Screens a text file, one utterance per line, with the risk-language screen and prints, in input
// order, whether each line is a hit and its most serious category. Blank lines are screened too
// (never a hit), so line numbers stay those of the file.
import { readFileSync } from 'node:fs';
import { screenRiskLanguage } from '@/lib/clinical/risk-language';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: npm run crisis:screen -- FILE [--json]   (one utterance per line)');
  process.exit(2);
}

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  console.error(`cannot read ${file}: ${(error as Error).message}`);
  process.exit(2);
}

const lines = text.split(/\r?\n/);
if (lines.at(-1) === '') lines.pop();
const results = lines.map((line, i) => {
  const { isHit, category } = screenRiskLanguage(line);
  return { line: i + 1, hit: isHit, category };
});

if (asJson) console.log(JSON.stringify(results));
else for (const r of results) console.log(`${r.line}\t${r.hit ? 'hit' : '-'}\t${r.category ?? ''}`);
