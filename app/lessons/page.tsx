import type { Metadata } from 'next';
import { Link } from '@/components/layout/link';
import { LessonProgress } from '@/components/lesson/lesson-progress';
import { listLessons } from '@/lib/content/lessons';

export const metadata: Metadata = { title: 'Lessons' };

export default function LessonsPage() {
  const lessons = listLessons();
  return (
    <div className="page">
      <h1>Lessons</h1>
      <p className="lede">Work through them in order. Each one teaches one idea on a real article.</p>
      <ol className="lesson-list">
        {lessons.map((lesson) => (
          <li key={lesson.slug} className="card">
            <h2>
              <Link href={`/lessons/${lesson.slug}`}>
                <span className="lesson-number">Lesson {lesson.order}. </span>
                {lesson.title}
              </Link>
            </h2>
            <p>{lesson.summary}</p>
            <p className="meta">About {lesson.minutes} minutes</p>
            <LessonProgress
              activityIds={[...lesson.exercises, ...lesson.questions].map((a) => a.id)}
              lessonTitle={lesson.title}
            />
            <h3 className="objectives-heading">You will learn to</h3>
            <ul className="objectives">
              {lesson.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}
