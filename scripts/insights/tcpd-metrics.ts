/**
 * Scoring of the Turing Change Point Dataset benchmark (van den Burg & Williams 2020), as
 * specified in shared/data/README.md: index 0 joins every set, ±5 margin, precision against the
 * union of annotators, recall averaged over annotators, covering after Arbeláez et al. (2010).
 */
export type Annotations = Readonly<Record<string, readonly number[]>>;

export const MARGIN = 5;

function withZero(points: readonly number[]): number[] {
  return [...new Set([0, ...points])].sort((a, b) => a - b);
}

/** True points that match a distinct prediction within the margin, closest first, smaller on ties. */
function countMatches(truth: readonly number[], predictions: readonly number[], margin: number): number {
  const unused = new Set(predictions);
  let matches = 0;
  for (const tau of truth) {
    let chosen: number | null = null;
    for (const x of unused) {
      const distance = Math.abs(tau - x);
      if (distance > margin) continue;
      if (chosen === null || distance < Math.abs(tau - chosen) || (distance === Math.abs(tau - chosen) && x < chosen)) {
        chosen = x;
      }
    }
    if (chosen !== null) {
      unused.delete(chosen);
      matches += 1;
    }
  }
  return matches;
}

export function f1Score(annotations: Annotations, predictions: readonly number[], margin = MARGIN): number {
  const annotators = Object.values(annotations).map(withZero);
  const predicted = withZero(predictions);
  const union = withZero(annotators.flat());
  const precision = countMatches(union, predicted, margin) / predicted.length;
  let recallTotal = 0;
  for (const points of annotators) recallTotal += countMatches(points, predicted, margin) / points.length;
  const recall = recallTotal / annotators.length;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

interface Segment {
  start: number;
  end: number;
}

function segmentsOf(points: readonly number[], nObs: number): Segment[] {
  const bounds = withZero(points.filter((p) => p > 0 && p < nObs));
  return bounds.map((start, i) => ({ start, end: bounds[i + 1] ?? nObs }));
}

function jaccard(a: Segment, b: Segment): number {
  const intersection = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = a.end - a.start + (b.end - b.start) - intersection;
  return intersection / union;
}

export function covering(annotations: Annotations, predictions: readonly number[], nObs: number): number {
  const predicted = segmentsOf(predictions, nObs);
  const perAnnotator = Object.values(annotations).map((points) => {
    let total = 0;
    for (const segment of segmentsOf(points, nObs)) {
      let bestOverlap = 0;
      for (const candidate of predicted) bestOverlap = Math.max(bestOverlap, jaccard(segment, candidate));
      total += (segment.end - segment.start) * bestOverlap;
    }
    return total / nObs;
  });
  return perAnnotator.reduce((a, b) => a + b, 0) / perAnnotator.length;
}
