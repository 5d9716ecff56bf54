import type { MDXContent } from 'mdx/types';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Children, isValidElement, type ReactNode } from 'react';
import { Quote } from '@/components/article/quote';
import { ATTRIBUTE_NAMES } from '@/components/exercise/label-meta';
import { Link } from '@/components/layout/link';
import { VisibleInstructorNotes } from '@/components/lesson/lesson-parts';
import { splitParagraphs } from '@/lib/annotation/paragraphs';
import { getArticle } from '@/lib/content/articles';
import { exerciseRange, getLesson } from '@/lib/content/lessons';
import { getActor } from '@/lib/server/actor';
import { keyView } from '@/lib/server/grading';
import type { Exercise } from '@/lib/validation/lesson';
import { LABEL_NAMES } from '@/lib/validation/vocabulary';

type Props = { params: Promise<{ lessonSlug: string }> };

// Who is asking decides what is shown: never prerendered, never cached.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Answer key', robots: { index: false, follow: false } };

const NOTES_COMPONENTS = { InstructorNotes: VisibleInstructorNotes };

/**
 * The lesson's <InstructorNotes> blocks, rendered visible. MDX content without a layout
 * wrapper is a plain function returning its top-level blocks; only the notes are kept. Should
 * that ever change, the whole lesson is shown with its notes visible instead.
 */
function instructorNotes(Body: MDXContent): ReactNode {
  const content: unknown = Body({ components: NOTES_COMPONENTS });
  if (isValidElement<{ children?: ReactNode }>(content)) {
    const notes = Children.toArray(content.props.children).filter(
      (block) => isValidElement(block) && block.type === VisibleInstructorNotes,
    );
    if (notes.length > 0) return notes;
  }
  return <Body components={NOTES_COMPONENTS} />;
}

function ExerciseKey({ exercise, index }: { exercise: Exercise; index: number }) {
  const article = getArticle(exercise.article);
  const range = exerciseRange(exercise);
  const items = keyView(exercise);
  const paragraphs = article ? splitParagraphs(article.text) : [];
  const paragraphOf = (offset: number) => paragraphs.findIndex((p) => p.end > offset) + 1;
  const whole = article && range.ok && range.value.start === 0 && range.value.end === article.text.length;
  return (
    <section className="key-exercise" aria-labelledby={`${exercise.id}-key`}>
      <h3 id={`${exercise.id}-key`}>
        Exercise {index + 1}: label {whole ? 'the article' : 'the passage'}
      </h3>
      <p className="meta">
        {article?.title ?? exercise.article}
        {range.ok && !whole && (
          <>
            {' '}
            · paragraphs {paragraphOf(range.value.start)} to {paragraphOf(range.value.end - 1)}
          </>
        )}{' '}
        · labels: {exercise.labels.map((l) => LABEL_NAMES[l]).join(', ')}
      </p>
      <p className="key-instructions">{exercise.instructions}</p>
      {items.length === 0 ? (
        <p>The key has no items in this part of the article.</p>
      ) : (
        <ol className="key-items">
          {items.map((item) => (
            <li key={item.id} className={`key-item label-${item.label}`}>
              <p className="key-item-head">
                <span className="key-label">{LABEL_NAMES[item.label]}</span>
                {item.attribute && (
                  <span className="key-attribute"> · {ATTRIBUTE_NAMES[item.attribute] ?? item.attribute}</span>
                )}
                <span className="key-para"> · paragraph {paragraphOf(item.start)}</span>
                {item.optional && <span className="key-optional"> · optional (not counted as missed)</span>}
              </p>
              <p className="key-quote">
                <Quote words={item.quote} />
              </p>
              <p>{item.explanation}</p>
              {item.check && (
                <p className="check">
                  <strong>How to check:</strong> {item.check}
                </p>
              )}
              {item.record && (
                <p className="record">
                  <strong>What the record shows:</strong> {item.record}
                </p>
              )}
              {item.accept.length > 0 && (
                <p className="meta">Also accepted as: {item.accept.map((l) => LABEL_NAMES[l]).join(', ')}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The instructor's answer key of a lesson: notes, every exercise's key items and model answers. */
export default async function LessonKeyPage({ params }: Props) {
  const actor = await getActor();
  if (actor.kind !== 'instructor') notFound();
  const lesson = getLesson((await params).lessonSlug);
  if (!lesson) notFound();
  const { default: Body } = (await import(`@/content/lessons/${lesson.file}`)) as { default: MDXContent };
  return (
    <article className="page answer-key">
      <header>
        <p className="eyebrow">Answer key · Lesson {lesson.order} · for instructors only</p>
        <h1>{lesson.title}</h1>
        <p className="no-print">
          <Link href={`/lessons/${lesson.slug}`}>Open the student lesson</Link>. Print this page for the key; print the
          lesson itself for the student worksheet.
        </p>
      </header>
      {instructorNotes(Body)}
      <section aria-labelledby="key-exercises">
        <h2 id="key-exercises">Key for the exercises</h2>
        {lesson.exercises.map((exercise, i) => (
          <ExerciseKey key={exercise.id} exercise={exercise} index={i} />
        ))}
      </section>
      {lesson.questions.length > 0 && (
        <section aria-labelledby="key-questions">
          <h2 id="key-questions">Model answers to the questions</h2>
          <ol className="key-questions">
            {lesson.questions.map((q) => (
              <li key={q.id}>
                <p className="key-question-prompt">
                  <strong>{q.kind === 'reflection' ? 'Reflect' : 'Question'}:</strong> {q.prompt}
                </p>
                <p className="meta">At least {q.minWords} words.</p>
                <p>{q.model}</p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
