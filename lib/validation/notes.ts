import { z } from '@/lib/validation/zod';
import { sessionDay } from './calendar-day';

export const noteTemplates = ['soap', 'dap'] as const;
export type NoteTemplate = (typeof noteTemplates)[number];

export const templateLabels: Record<NoteTemplate, string> = {
  soap: 'SOAP (Subjective, Objective, Assessment, Plan)',
  dap: 'DAP (Data, Assessment, Plan)',
};

export const templateSections = {
  soap: [
    { key: 'subjective', label: 'Subjective' },
    { key: 'objective', label: 'Objective' },
    { key: 'assessment', label: 'Assessment' },
    { key: 'plan', label: 'Plan' },
  ],
  dap: [
    { key: 'data', label: 'Data' },
    { key: 'assessment', label: 'Assessment' },
    { key: 'plan', label: 'Plan' },
  ],
} as const satisfies Record<NoteTemplate, readonly { key: string; label: string }[]>;

export const NOTE_SECTION_MAX_CHARS = 20_000;
export const ADDENDUM_MAX_CHARS = 10_000;
export const PRIVATE_NOTE_MAX_CHARS = 20_000;

const isoDate = sessionDay('Enter the session date as a calendar date.');

export const newNoteSchema = z.object({
  template: z.enum(noteTemplates, 'Choose SOAP or DAP.'),
  sessionDate: isoDate,
});
export type NewNoteInput = z.input<typeof newNoteSchema>;

const sectionText = z.string().max(NOTE_SECTION_MAX_CHARS, 'Keep each section to 20,000 characters.');

export const noteDraftSchema = z.object({
  noteId: z.uuid('We could not find that note.'),
  sessionDate: isoDate,
  sections: z.record(z.string(), sectionText),
  /** The save the editor last saw: a save based on an older version is refused, not merged. */
  expectedUpdatedAt: z.iso.datetime({ offset: true, message: 'Reload the note before saving.' }),
});
export type NoteDraftInput = z.input<typeof noteDraftSchema>;

export const addendumSchema = z.object({
  noteId: z.uuid('We could not find that note.'),
  text: z.string().trim().min(1, 'Write the addendum first.').max(ADDENDUM_MAX_CHARS, 'Keep an addendum to 10,000 characters.'),
});
export type AddendumInput = z.input<typeof addendumSchema>;

export const privateNoteSchema = z.object({
  noteId: z.uuid('We could not find that note.'),
  text: z.string().max(PRIVATE_NOTE_MAX_CHARS, 'Keep private notes to 20,000 characters.'),
});
export type PrivateNoteInput = z.input<typeof privateNoteSchema>;

/** The section keys a template has; anything else in a submitted draft is refused. */
export function sectionKeysOf(template: NoteTemplate): string[] {
  return templateSections[template].map((s) => s.key);
}
