// The size of the benchmark's clinic (issue 5): 2,000 clients, 40 therapists, one year.
export const BENCH_PASSWORD = 'bench-tandem-pass';
export const THERAPISTS = 40;
export const CLIENTS = 2_000;
export const MEASURED_CASELOAD = 150;
export const DAYS = 365;
