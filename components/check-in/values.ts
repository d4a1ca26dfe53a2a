import type { CheckInDto } from '@/lib/dal/check-ins';

export type CheckInValues = {
  mood: string;
  anxiety: string;
  energy: string;
  sleepHours: string;
  tags: string[];
  note: string;
};

export const emptyCheckIn: CheckInValues = { mood: '', anxiety: '', energy: '', sleepHours: '', tags: [], note: '' };

export function toFormValues(c: Omit<CheckInDto, 'id' | 'localDate'>): CheckInValues {
  return {
    mood: String(c.mood),
    anxiety: c.anxiety === null ? '' : String(c.anxiety),
    energy: c.energy === null ? '' : String(c.energy),
    sleepHours: c.sleepHours === null ? '' : String(c.sleepHours),
    tags: c.tags,
    note: c.note ?? '',
  };
}
