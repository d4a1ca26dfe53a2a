/** Seeded pseudo-random numbers (Marsaglia's xorshift32) so every evaluation run is repeatable. */
export class Random {
  private state: number;

  constructor(seed: number) {
    // Scramble the seed so that nearby seeds give unrelated streams; 0 is not a valid state.
    this.state = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0 || 0x6d2b79f5;
    for (let i = 0; i < 8; i += 1) this.next();
  }

  private next(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.state = x;
    return x;
  }

  /** Uniform on (0, 1). */
  uniform(): number {
    return (this.next() + 0.5) / 4294967296;
  }

  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  integer(lo: number, hi: number): number {
    return Math.floor(this.between(lo, hi + 1));
  }

  /** Standard normal by the Box–Muller transform. */
  normal(): number {
    return Math.sqrt(-2 * Math.log(this.uniform())) * Math.cos(2 * Math.PI * this.uniform());
  }

  chance(p: number): boolean {
    return this.uniform() < p;
  }
}
