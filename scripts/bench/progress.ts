// A one-line progress bar on stderr (stdout stays clean for --json).
export class Progress {
  private done_ = 0;

  constructor(private readonly total: number) {}

  tick(label: string): void {
    this.done_ += 1;
    const width = 30;
    const filled = Math.round((this.done_ / this.total) * width);
    const percent = Math.round((this.done_ / this.total) * 100);
    process.stderr.write(`\r  [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(percent).padStart(3)}% ${label.padEnd(28)}`);
  }

  done(): void {
    process.stderr.write('\n');
  }
}
