/** Hono environment of the collector app: what a request carries between middleware and handlers. */
export interface CollectorEnv {
  Variables: {
    /** Key of the configured site the request was for, once known (logged; never a client-made string). */
    site: string | null;
  };
}
