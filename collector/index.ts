/** The collector's public face: what `npm start`, tests and stores' backends import. */
export { createApp, DEFAULT_RATE_LIMITS } from './app';
export type { CollectorDeps, RateLimits } from './app';
export { canonicalContact, signContact } from './contact-signature';
export type { SignableContact } from './contact-signature';
export type { FeedbackItem, FeedbackStore } from './feedback-store';
export { openFeedbackStore } from './open-store';
export type { StoreLocation } from './open-store';
export { PostgresFeedbackStore } from './postgres-store';
export { SqliteFeedbackStore } from './sqlite-store';
export { loadOrCreateSites, parseSites, SitesFileError } from './sites';
export type { Site } from './sites';
export { DEFAULT_SERVER_LIMITS, startCollector } from './start-collector';
export type { CollectorOptions, RunningCollector, ServerLimits } from './start-collector';
