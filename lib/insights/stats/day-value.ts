/** One value on one calendar day (days counted from 1970-01-01). */
export interface DayValue {
  day: number;
  value: number;
}
