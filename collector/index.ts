/** The collector's public face: what `npm start`, tests and stores' backends import. */
export { createApp, DEFAULT_RATE_LIMITS } from './app';
export type { CollectorDeps, RateLimits } from './app';
export { canonicalContact, signContact } from './contact-signature';
export type { SignableContact } from './contact-signature';
export { FeedbackStore } from './feedback-store';
export type { FeedbackItem } from './feedback-store';
export { loadOrCreateSites, parseSites, SitesFileError } from './sites';
export type { Site } from './sites';
export { DEFAULT_SERVER_LIMITS, startCollector } from './start-collector';
export type { CollectorOptions, RunningCollector, ServerLimits } from './start-collector';
