import { getArticle } from '../lib/content/articles';
import { toScoringKey } from '../lib/content/keys';
import { exerciseRange, getLesson } from '../lib/content/lessons';
import { classDisputes } from '../lib/scoring/disputes';
import { exerciseKey } from '../lib/server/grading';
import { drawAnswers, extraStretches, prng } from './demo-answers';

const lesson = getLesson('capstone')!;
for (const exercise of lesson.exercises) {
  const items = exerciseKey(exercise);
  const text = getArticle(exercise.article)!.text;
  const r = exerciseRange(exercise);
  const range = r.ok ? r.value : { start: 0, end: text.length };
  const demo = { text, key: items, labels: exercise.labels, range, extras: extraStretches(text, items, range, 3) };
  const random = prng(1);
  for (const n of [30, 200]) {
    const students = Array.from({ length: n }, (_, i) => ({ id: String(i), answers: drawAnswers(demo, random) }));
    const t = performance.now();
    const d = classDisputes(toScoringKey(items), students);
    console.log(
      exercise.id,
      n,
      items.length,
      (performance.now() - t).toFixed(0),
      'ms',
      d.items.filter((i) => i.disputed).length,
      'disputed',
      d.items.filter((i) => i.classAnswer).length,
      'agreed',
      JSON.stringify(d.agreement.overall),
    );
  }
}
