import { median } from '../stats/descriptive';
import { robustScale } from '../stats/robust-scale';

/**
 * Hampel identifier (Hampel 1974; Pearson 2002): a value further than k local robust scales from
 * the median of its ±halfWidth neighbourhood is replaced by that median. The local scale is
 * floored at `minScale` so that long runs of tied answers do not turn every other value into an
 * outlier. Isolated spikes go; sustained shifts, which move the local median, stay.
 */
export function hampelFilter(values: readonly number[], halfWidth: number, k: number, minScale: number): number[] {
  return values.map((v, i) => {
    const window = values.slice(Math.max(0, i - halfWidth), i + halfWidth + 1);
    const centre = median(window);
    const scale = Math.max(robustScale(window), minScale);
    return Math.abs(v - centre) > k * scale ? centre : v;
  });
}
