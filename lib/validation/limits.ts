// Named limits on what students and instructors may send, shared by forms and server.

/**
 * Most spans one answer may hold, wherever it comes from (the exercise, a class draft, the
 * `score` command). The biggest key (envoy-speech-aggregation) has 585 items: an answer as
 * large as any key must pass, with room for extras; tests/unit/validation/limits.test.ts
 * checks every key against it. It still bounds the work of scoring one request.
 */
export const MAX_SPANS = 1_000;
/** Longest "why" note on one span. */
export const MAX_WHY_CHARS = 500;
/** Longest exercise or question id. */
export const MAX_ID_CHARS = 100;
/** Shortest answer to a short-answer question, in words: a phrase is not an answer. */
export const MIN_SHORT_ANSWER_WORDS = 5;
/** Longest answer to any question, in characters. */
export const MAX_ANSWER_CHARS = 2_000;
