import type { Metadata } from 'next';
import { Link } from '@/components/layout/link';
import { TableScroll } from '@/components/layout/table-scroll';
import { getArticle } from '@/lib/content/articles';
import { listLessons } from '@/lib/content/lessons';
import { STANDARDS } from '@/lib/content/standards';

export const metadata: Metadata = { title: 'The unit, for teachers' };

/** For a teacher planning the unit: the sequence, time, needs and standards, printable. */
export default function UnitOverviewPage() {
  const lessons = listLessons();
  const total = lessons.reduce((sum, l) => sum + l.minutes, 0);
  return (
    <div className="page unit-overview">
      <h1>The unit, for teachers</h1>
      <p className="lede">
        Six lessons, about {Math.round(total / 5) * 5} minutes in all ({Math.round((total / 50) * 10) / 10} class
        periods of 50 minutes). Students label real news articles and compare their labels with an answer key; each
        lesson builds on the one before. Every lesson works alone in a browser or assigned to a class.
      </p>
      <p className="print-hide">
        Each lesson’s teacher’s guide (notes, timing, common mistakes, model answers, the key) is linked below; it opens
        for signed-in instructors. <Link href="/instructor">Sign in or go to my classes</Link>.
      </p>

      <h2>Sequence and timing</h2>
      <TableScroll label="Sequence and timing">
        <table className="unit-table">
          <thead>
            <tr>
              <th scope="col">Lesson</th>
              <th scope="col">Minutes</th>
              <th scope="col">Parts</th>
              <th scope="col">Articles</th>
              <th scope="col">What it needs</th>
            </tr>
          </thead>
          <tbody>
            {lessons.map((lesson) => (
              <tr key={lesson.slug}>
                <th scope="row">
                  {lesson.order}. <Link href={`/lessons/${lesson.slug}`}>{lesson.title}</Link>
                  <br />
                  <Link className="guide-link" href={`/lessons/${lesson.slug}/key`}>
                    Teacher’s guide: {lesson.title}
                  </Link>
                </th>
                <td>{lesson.minutes}</td>
                <td>
                  <ul>
                    {lesson.timing.map((t) => (
                      <li key={t.part}>
                        {t.part}: {t.minutes} min
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <ul>
                    {lesson.articles.map((slug) => (
                      <li key={slug}>{getArticle(slug)?.title ?? slug}</li>
                    ))}
                  </ul>
                </td>
                <td>
                  {lesson.exercises.length} labeling exercise{lesson.exercises.length === 1 ? '' : 's'},{' '}
                  {lesson.questions.length} written question{lesson.questions.length === 1 ? '' : 's'}.
                  {lesson.contentWarning && (
                    <p>
                      <strong>Content warning:</strong> {lesson.contentWarning}
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2>Standards</h2>
      <p>
        Each standard is quoted in its own words; <code>docs/fact-check.md</code> in the project says where to check the
        wording.
      </p>
      <ul className="standards">
        {STANDARDS.map((s) => (
          <li key={s.code}>
            <p>
              <strong>
                {s.framework}, {s.code}
              </strong>
              : “{s.wording}”
            </p>
            <p>
              Lessons {s.lessons.join(', ')}. {s.how}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
