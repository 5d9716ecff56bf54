// Named limits on what students and instructors may send, shared by forms and server.

/** Most spans one submission may carry: far above any real answer (the longest key has ~600 items). */
export const MAX_SUBMITTED_SPANS = 1_000;
/** Longest "why" note on one span. */
export const MAX_WHY_CHARS = 500;
/** Longest exercise or question id. */
export const MAX_ID_CHARS = 100;
/** Shortest answer to a short-answer question, in words: a phrase is not an answer. */
export const MIN_SHORT_ANSWER_WORDS = 5;
/** Longest answer to any question, in characters. */
export const MAX_ANSWER_CHARS = 2_000;
