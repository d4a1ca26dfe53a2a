import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RISK_CATEGORIES, type RiskCategory } from '@/lib/clinical/risk-categories';
import { screenRiskLanguage } from '@/lib/clinical/risk-language';

// The labelled corpus of lib/clinical/risk-language-corpus (see its README): tab-separated
// label (risk | none), category (a risk category, or the kind of sentence that is not risk) and text.

export type Half = 'development' | 'held-out';
export type Labelled = { isRisk: boolean; category: string; text: string };

const CORPUS_DIR = fileURLToPath(new URL('../../lib/clinical/risk-language-corpus/', import.meta.url));

export function readHalf(half: Half): Labelled[] {
  const lines = readFileSync(`${CORPUS_DIR}${half}.tsv`, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim().length > 0);
  return lines.map((line, i) => {
    const [label, category, text] = line.split('\t');
    if ((label !== 'risk' && label !== 'none') || !category || !text)
      throw new Error(`${half}.tsv line ${i + 2}: expected label, category and text`);
    if (label === 'risk' && !RISK_CATEGORIES.includes(category as RiskCategory))
      throw new Error(`${half}.tsv line ${i + 2}: unknown category ${category}`);
    return { isRisk: label === 'risk', category, text };
  });
}

export type Outcome = Labelled & { isHit: boolean; found: RiskCategory | null };

export type HalfReport = {
  half: Half;
  n: number;
  risk: number;
  notRisk: number;
  recall: number;
  falseAlarmRate: number;
  /** Risk sentences hit whose most serious category found is the labelled one. */
  categoryAgreement: number;
  recallByCategory: Record<string, { n: number; recall: number }>;
  falseAlarmsByKind: Record<string, { n: number; falseAlarms: number }>;
};

export function screenAll(rows: Labelled[]): Outcome[] {
  return rows.map((row) => {
    const screen = screenRiskLanguage(row.text);
    return { ...row, isHit: screen.isHit, found: screen.category };
  });
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function summarize(half: Half, outcomes: Outcome[]): HalfReport {
  const risk = outcomes.filter((o) => o.isRisk);
  const notRisk = outcomes.filter((o) => !o.isRisk);
  const recallByCategory: HalfReport['recallByCategory'] = {};
  for (const category of RISK_CATEGORIES) {
    const rows = risk.filter((o) => o.category === category);
    recallByCategory[category] = { n: rows.length, recall: ratio(rows.filter((o) => o.isHit).length, rows.length) };
  }
  const falseAlarmsByKind: HalfReport['falseAlarmsByKind'] = {};
  for (const kind of [...new Set(notRisk.map((o) => o.category))].sort()) {
    const rows = notRisk.filter((o) => o.category === kind);
    falseAlarmsByKind[kind] = { n: rows.length, falseAlarms: rows.filter((o) => o.isHit).length };
  }
  return {
    half,
    n: outcomes.length,
    risk: risk.length,
    notRisk: notRisk.length,
    recall: ratio(risk.filter((o) => o.isHit).length, risk.length),
    falseAlarmRate: ratio(notRisk.filter((o) => o.isHit).length, notRisk.length),
    categoryAgreement: ratio(risk.filter((o) => o.isHit && o.found === o.category).length, risk.filter((o) => o.isHit).length),
    recallByCategory,
    falseAlarmsByKind,
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}
