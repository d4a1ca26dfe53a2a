import { z } from 'zod';

// Zod compiles object schemas with `new Function` when it may; the attempt alone is a violation
// of Tandem's Content-Security-Policy (no 'unsafe-eval') in the browser. Every module takes `z`
// from here (the lint forbids importing 'zod' elsewhere), so no schema is built before this runs.
z.config({ jitless: true });

export { z };
