// Scoring a class's worth of submissions against the longest key (the aggregation page),
// then summarising them for the instructor's view. Figure: scoring.batch_ms.
import { getKey, toScoringKey } from '../lib/content/keys';
import { type AnswerSpan, ClassAggregator, prepareKey, type ScoringKeyItem, score } from '../lib/scoring';
import { LABELS } from '../lib/validation/labels';
import type { Figure } from './run';

/** The longest article, with the most key items: the worst case the app serves. */
const ARTICLE = 'envoy-speech-aggregation';
/** A large class submitting a long answer each: 1,000 submissions of 100 spans. */
const SUBMISSIONS = 1000;
const SPANS_PER_SUBMISSION = 100;
/** Share of spans drawn near a key item (the rest fall anywhere), like a student who mostly reads well. */
const NEAR_KEY_SHARE = 0.6;
/** Share of near-key spans given the item's own label; the rest get any label. */
const RIGHT_LABEL_SHARE = 0.7;
/** How far a near-key span's ends stray from the item's, in characters, each way. */
const JITTER = 12;
/** Longest random span: about a long sentence. */
const MAX_RANDOM_SPAN = 200;
/** Fixed seed, so every run scores the same submissions. */
const SEED = 0x5eed_c105;
/** One warm-up lets the JIT compile the scoring loops; the median of five runs damps a busy machine. */
const WARM_UPS = 1;
const RUNS = 5;
/** A teacher opening the class view should not wait: score and summarise within 200 ms. */
const TARGET_MS = 200;

/** mulberry32: a small, fast, seedable PRNG with a full 2^32 period, good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function submissions(key: readonly ScoringKeyItem[], textLength: number): AnswerSpan[][] {
  const random = prng(SEED);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const anyLabel = () => LABELS[int(0, LABELS.length - 1)] as AnswerSpan['label'];
  const span = (): AnswerSpan => {
    if (random() < NEAR_KEY_SHARE) {
      const item = key[int(0, key.length - 1)] as ScoringKeyItem;
      const start = Math.max(0, item.start + int(-JITTER, JITTER));
      const end = Math.min(textLength, Math.max(start + 1, item.end + int(-JITTER, JITTER)));
      return { label: random() < RIGHT_LABEL_SHARE ? item.label : anyLabel(), start, end };
    }
    const start = int(0, textLength - 2);
    return { label: anyLabel(), start, end: Math.min(textLength, start + int(1, MAX_RANDOM_SPAN)) };
  };
  return Array.from({ length: SUBMISSIONS }, () => Array.from({ length: SPANS_PER_SUBMISSION }, span));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export async function run(): Promise<Record<string, Figure>> {
  const resolved = getKey(ARTICLE);
  if (!resolved) throw new Error(`no answer key for ${ARTICLE}: content/keys/${ARTICLE}.yaml is missing`);
  const key = toScoringKey(resolved.items);
  const batch = submissions(key, resolved.article.text.length);
  const once = () => {
    const t0 = performance.now();
    // As the class view does: prepare the key once, fold each result in as it is scored.
    const prepared = prepareKey(key);
    const aggregator = new ClassAggregator();
    for (const answers of batch) aggregator.add(score(prepared, answers));
    const summary = aggregator.summary();
    const elapsed = performance.now() - t0;
    if (summary.students !== SUBMISSIONS)
      throw new Error(`aggregated ${summary.students} submissions, expected ${SUBMISSIONS}`);
    return elapsed;
  };
  for (let i = 0; i < WARM_UPS; i++) once();
  const times = Array.from({ length: RUNS }, once);
  return {
    'scoring.batch_ms': { value: Math.round(median(times) * 10) / 10, unit: 'ms', target: TARGET_MS, better: 'lower' },
  };
}
