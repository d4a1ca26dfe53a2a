import { z } from 'zod';

// Zod compiles object schemas with `new Function` when it may; the attempt alone is a violation
// of Tandem's Content-Security-Policy (no 'unsafe-eval') in the browser. Every schema module
// imports this first, so no schema is built before it.
z.config({ jitless: true });
