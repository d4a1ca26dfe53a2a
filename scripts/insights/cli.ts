/**
 * Runs a command's main function and turns any failure (a missing file, malformed JSON, a bad
 * row or date) into one plain line and exit code 1, never a stack trace.
 */
export function runCli(name: string, main: () => void): void {
  try {
    main();
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    console.error(`${name}: ${e.code === 'ENOENT' ? `no such file: ${e.path}` : e.message}`);
    process.exit(1);
  }
}
