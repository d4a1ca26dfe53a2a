// The additional data each clinical-record ciphertext is bound to (see aes-gcm.ts): a clinic and
// the record's own row, so a ciphertext copied onto another note, addendum or person fails.
export const noteContext = (clinicId: string, noteId: string) => `session_note:${clinicId}:${noteId}`;
export const addendumContext = (clinicId: string, noteId: string, addendumId: string) =>
  `session_note_addendum:${clinicId}:${noteId}:${addendumId}`;
export const privateNoteContext = (clinicId: string, authorId: string, privateNoteId: string) =>
  `private_note:${clinicId}:${authorId}:${privateNoteId}`;
// A person's TOTP seed, bound to their own row.
export const totpContext = (userId: string) => `totp_secret:${userId}`;
