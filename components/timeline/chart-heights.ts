/**
 * The timeline's chart heights, in one place for the charts and for the box that holds their place
 * while chart.js loads, so nothing below the chart moves when it is drawn.
 */
export const chartHeights = {
  mood: 'h-64 xl:h-80',
  measures: 'h-36 xl:h-44',
  /** Both charts and the 0.5rem between them (`gap-2`): 16 + 0.5 + 9 rem, and 20 + 0.5 + 11 at xl. */
  both: 'h-102 xl:h-126',
} as const;

export function chartBoxHeight(hasMood: boolean, hasMeasures: boolean): string {
  if (hasMood && hasMeasures) return chartHeights.both;
  return hasMood ? chartHeights.mood : chartHeights.measures;
}
