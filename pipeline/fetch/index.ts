/**
 * The fetch stage's only door. Other stages import from here, never from the modules behind it.
 */
export type { BlockedHost, DecoyTest, FetchErrorKind, FetcherOptions, FetchRequest, FetchResponse } from './types.ts';
export { FetchError, isFallbackKind, isTransientKind, type FetchErrorInit } from './errors.ts';
export { Fetcher, defaultFetcherOptions, parseRetryAfter, MAX_REDIRECTS } from './fetcher.ts';
export { decodeBody, type CharsetSource, type DecodedBody } from './decode.ts';
export {
  parseRobots,
  isAllowed,
  decidingRule,
  productToken,
  ALLOW_ALL,
  type RobotsPolicy,
  type RobotsRule,
} from './robots.ts';
