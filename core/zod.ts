// The one door to zod. Importing `z` from here (an ESLint rule forbids importing 'zod' elsewhere) means this
// module has run — and zod is `jitless` — before any schema is built: zod reads the setting when it builds an
// object schema, and ES modules run their imports first.
//
// Why jitless: zod's JIT compiles validators with `new Function`, which an extension's CSP forbids (its probe would
// fail anyway, and a strict page CSP reports the attempt). The extension build also strips the probe and the
// compiler from zod (scripts/strip-unsafe-sinks.ts), so web-ext lint finds no eval; this setting is what makes
// that edit a no-op rather than a change of behaviour.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
