/** After the third failure on one account from one address, wait 1, 2, 4 … 60 seconds before the next try. */
export function progressiveDelaySeconds(failures: number): number {
  if (failures <= 3) return 0;
  return Math.min(2 ** (failures - 4), 60);
}

/** A plain sentence saying when to try again. */
export function retryMessage(retryAfterSeconds: number): string {
  if (retryAfterSeconds < 60) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    return `Too many attempts. Please wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`;
  }
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many attempts. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
