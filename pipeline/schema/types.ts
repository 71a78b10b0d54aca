/** Data types, derived from schemas/ (see generate-types.ts). Import types from here. */
export type * from './types.gen.ts';
