import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { Link } from '@/components/layout/link';
import { TableScroll } from '@/components/layout/table-scroll';
import { AnswerReviewForm, GradeOverrideForm, GradingRuleForm } from '@/components/review/grade-forms';
import { LocalTime } from '@/components/time/local-time';
import { getActor } from '@/lib/server/actor';
import { listAnswerDrafts, listAnswers } from '@/lib/server/data/answers';
import { getGradebook } from '@/lib/server/data/grades';
import { reviewAnswerAction, setGradeOverrideAction, setGradingRuleAction } from './actions';

export const metadata: Metadata = { title: 'Written answers and grades' };

/** People read rounded figures; the CSV keeps them exact. */
const shown = (n: number) => (Math.round(n * 10) / 10).toString();
const percent = (f: number | null) => (f === null ? '–' : `${Math.round(f * 100)}%`);

export default async function GradesPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const actor = await getActor();
  if (actor.kind !== 'instructor') redirect('/instructor/sign-in');
  const [book, answers, drafts] = await Promise.all([
    getGradebook(actor, assignmentId),
    listAnswers(actor, assignmentId),
    listAnswerDrafts(actor, assignmentId),
  ]);
  if (!book.ok || !answers.ok || !drafts.ok) notFound();
  const g = book.value;
  const base = `/instructor/assignments/${assignmentId}`;
  return (
    <article className="review grades">
      <p className="review-context">
        <Link href={`${base}/review`} className="print-hide">
          Answer review
        </Link>
        {` · ${g.className} · ${g.lessonTitle}`}
      </p>
      <h1>Written answers and grades</h1>

      <section aria-labelledby="rule-title">
        <h2 id="rule-title">Grading rule</h2>
        <p>{g.ruleText}</p>
        <div className="print-hide">
          <GradingRuleForm
            defaults={{ labelPoints: String(g.rule.labelPoints), answerPoints: String(g.rule.answerPoints) }}
            save={setGradingRuleAction.bind(null, assignmentId)}
          />
        </div>
      </section>

      <section aria-labelledby="grades-title">
        <h2 id="grades-title">Grades</h2>
        <p className="print-hide">
          <a href={`${base}/export/gradebook.csv`} download>
            Gradebook (CSV): one row per student, for a spreadsheet or your school’s gradebook
          </a>
        </p>
        <TableScroll label="Grades">
          <table className="roster gradebook">
            <thead>
              <tr>
                <th scope="col">Student</th>
                {g.exerciseIds.map((id, i) => (
                  <th scope="col" key={id}>{`Exercise ${i + 1} F1`}</th>
                ))}
                <th scope="col">Lesson F1</th>
                <th scope="col">Answers complete</th>
                <th scope="col">Grade</th>
                <th scope="col" className="print-hide">
                  Set by hand
                </th>
              </tr>
            </thead>
            <tbody>
              {g.rows.map((r) => (
                <tr key={r.studentId}>
                  <th scope="row">
                    <Link href={`${base}/students/${r.studentId}`}>{r.name}</Link>
                    {r.late ? ' (late)' : ''}
                  </th>
                  {r.exerciseF1.map((f, i) => (
                    <td key={g.exerciseIds[i]}>{percent(f)}</td>
                  ))}
                  <td>{percent(r.lessonF1)}</td>
                  <td>{`${r.completeAnswers} of ${g.questions}`}</td>
                  <td>
                    {`${shown(r.grade)} of ${r.possible}`}
                    {r.override ? ` (set by hand: ${r.override.note}; by the rule ${shown(r.computed)})` : ''}
                  </td>
                  <td className="print-hide">
                    <GradeOverrideForm
                      id={`grade-${r.studentId}`}
                      name={r.name}
                      defaults={{ points: r.override ? String(r.override.points) : '', note: r.override?.note ?? '' }}
                      save={setGradeOverrideAction.bind(null, assignmentId, r.studentId)}
                      possible={r.possible}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="answers-title">
        <h2 id="answers-title">Written answers, question by question</h2>
        {g.questionList.length === 0 && <p>This lesson has no written questions.</p>}
        {g.questionList.map((q, qi) => {
          const given = answers.value.filter((a) => a.questionId === q.id);
          const writing = drafts.value.filter((d) => d.questionId === q.id);
          return (
            <section key={q.id} aria-labelledby={`q-${qi}`} className="question-answers">
              <h3 id={`q-${qi}`}>{`Question ${qi + 1}: ${q.prompt}`}</h3>
              <details>
                <summary>The model answer</summary>
                <p>{q.model}</p>
              </details>
              {given.length === 0 ? (
                <p>{writing.length === 0 ? 'No answers yet.' : 'No answers checked yet.'}</p>
              ) : (
                <ul className="answer-grid" aria-label={`Answers to question ${qi + 1}`}>
                  {given.map((a) => (
                    <li key={a.id} className="answer-card">
                      <p className="answer-by">
                        <strong>{a.studentName}</strong> · <LocalTime iso={a.submittedAt} /> ·{' '}
                        {a.status === 'complete'
                          ? 'Complete'
                          : a.status === 'revise'
                            ? 'To revise'
                            : 'Not reviewed yet'}
                      </p>
                      <p className="answer-text">{a.answer}</p>
                      {a.comment && <p className="answer-comment">{`Your comment: ${a.comment}`}</p>}
                      <div className="print-hide">
                        <AnswerReviewForm
                          id={`review-${a.id}`}
                          name={a.studentName}
                          defaults={{ status: a.status ?? undefined, comment: a.comment ?? '' }}
                          save={reviewAnswerAction.bind(null, assignmentId, a.id)}
                        />
                      </div>
                    </li>
                  ))}
                </ul>
              )}
              {writing.length > 0 && (
                <>
                  <h4>Still being written</h4>
                  <p className="field-hint">
                    Drafts kept while the student types: not checked by the student yet, so not reviewed or graded.
                  </p>
                  <ul className="answer-grid" aria-label={`Still being written, question ${qi + 1}`}>
                    {writing.map((d) => (
                      <li key={d.studentId} className="answer-card answer-draft">
                        <p className="answer-by">
                          <strong>{d.studentName}</strong> · draft saved <LocalTime iso={d.savedAt} /> · Not checked yet
                        </p>
                        <p className="answer-text">{d.answer}</p>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          );
        })}
      </section>
    </article>
  );
}
