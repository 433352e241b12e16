/** Hono environment of the collector app. Nothing travels between handlers (see request-log.ts for the site). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CollectorEnv {}
