import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReadAloud } from '@/components/layout/read-aloud';
import { LessonProgress } from '@/components/lesson/lesson-progress';
import { getLesson, listLessons } from '@/lib/content/lessons';

type Props = { params: Promise<{ lessonSlug: string }> };

// The same for every reader: built once and served as built, with a CSP by hashes (decision 15).
// The root layout's connection() yields to this; unknown slugs get the 404 page.
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return listLessons().map((l) => ({ lessonSlug: l.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = getLesson((await params).lessonSlug);
  return { title: lesson?.title ?? 'Lesson not found' };
}

export default async function LessonPage({ params }: Props) {
  const lesson = getLesson((await params).lessonSlug);
  if (!lesson) notFound();
  const { default: Body } = await import(`@/content/lessons/${lesson.file}`);
  return (
    <article className="page lesson">
      <header className="lesson-header">
        <p className="eyebrow">Lesson {lesson.order}</p>
        <h1>{lesson.title}</h1>
        <p className="lede">{lesson.summary}</p>
        <p className="meta">About {lesson.minutes} minutes</p>
        <ReadAloud target="article.lesson" label="Read this lesson aloud" />
        <LessonProgress activityIds={[...lesson.exercises, ...lesson.questions].map((a) => a.id)} />
        <section aria-labelledby="objectives-heading" className="objectives-box">
          <h2 id="objectives-heading">You will learn to</h2>
          <ul>
            {lesson.objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </section>
      </header>
      <div className="lesson-body">
        <Body />
      </div>
    </article>
  );
}
