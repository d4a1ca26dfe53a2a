import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportZip } from './csv-files';

describe('exportZip', () => {
  it('puts one CSV per kind in the zip, quoting notes with commas and line breaks', () => {
    const zip = exportZip({
      format: 'tandem-export',
      version: 1,
      exportedAt: '2026-11-26T10:00:00.000Z',
      person: { name: 'R', email: 'r@example.com', timeZone: 'Europe/Lisbon' },
      checkIns: [
        {
          localDate: '2026-11-01',
          recordedAt: '2026-11-01T20:00:00.000Z',
          timeZone: 'Europe/Lisbon',
          mood: 6,
          anxiety: null,
          energy: 4,
          sleepHours: 7.5,
          tags: ['walk', 'work'],
          note: 'Tired, "but" ok\nreally',
          source: 'app',
        },
      ],
      measureResponses: [
        {
          instrument: 'phq9',
          items: [0, 1, 2, 3, 0, 1, 2, 3, 0],
          difficulty: 1,
          completedAt: '2026-11-02T10:00:00.000Z',
          localDate: '2026-11-02',
        },
      ],
      journalEntries: [],
      pauses: [{ start: '2026-12-01', end: '2026-12-05', cancelledAt: null }],
      customTags: [],
      sharing: [],
      companion: {
        conversations: [],
        items: [],
        reminders: [
          {
            activity: 'a walk, then "tea"',
            dueAt: '2026-11-30T08:15:00.000Z',
            localDate: '2026-11-30',
            localTime: '08:15',
            timeZone: 'Europe/London',
            cancelledAt: null,
          },
        ],
      },
    });
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      'check-ins.csv',
      'companion-items.csv',
      'companion-messages.csv',
      'companion-reminders.csv',
      'custom-tags.csv',
      'journal-entries.csv',
      'measure-responses.csv',
      'pauses.csv',
      'sharing.csv',
    ]);
    expect(strFromU8(files['companion-reminders.csv'] as Uint8Array)).toBe(
      'due_at,local_date,local_time,time_zone,cancelled_at,activity\r\n2026-11-30T08:15:00.000Z,2026-11-30,08:15,Europe/London,,"a walk, then ""tea"""\r\n',
    );
    expect(strFromU8(files['check-ins.csv'] as Uint8Array)).toBe(
      'local_date,recorded_at,time_zone,mood,anxiety,energy,sleep_hours,tags,note,source\r\n' +
        '2026-11-01,2026-11-01T20:00:00.000Z,Europe/Lisbon,6,,4,7.5,walk | work,"Tired, ""but"" ok\nreally",app\r\n',
    );
    expect(strFromU8(files['measure-responses.csv'] as Uint8Array)).toContain(
      'phq9,2026-11-02,2026-11-02T10:00:00.000Z,0 1 2 3 0 1 2 3 0,1',
    );
  });
});
