import { Quote } from '@/components/article/quote';
import type { CommentViewModel } from './types';

/**
 * The instructor's comments on a student's submission, for the student's own comparison view.
 * Render it only with what listCommentsForStudent / listMyComments returned: they return an
 * empty list until the key is released to the student. Renders nothing when there are none.
 */
export function StudentComments({
  comments,
  heading = 'Comments from your teacher',
}: {
  comments: CommentViewModel[];
  heading?: string;
}) {
  if (comments.length === 0) return null;
  return (
    <section className="student-comments" aria-label={heading}>
      <h3>{heading}</h3>
      <ul>
        {comments.map((c) => (
          <li key={c.id}>
            {c.quote !== null ? (
              <p className="comment-on">
                On <Quote words={c.quote} />:
              </p>
            ) : (
              <p className="comment-on">On your whole submission:</p>
            )}
            <p className="comment-body">{c.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
