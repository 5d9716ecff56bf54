import { LocalTime } from '@/components/time/local-time';
import type { SubmissionListItem } from '@/lib/server/data/submissions';

type Props = { title: string; exerciseIds: string[]; rows: SubmissionListItem[] };

/** Who submitted what: every attempt, by student, with its time in the viewer's zone and the late flag. */
export function SubmissionList({ title, exerciseIds, rows }: Props) {
  if (rows.length === 0) return <p>No submissions yet.</p>;
  return (
    <ul aria-label={`Submissions for ${title}`}>
      {rows.map((s) => (
        <li key={s.id}>
          {s.displayName}: exercise {exerciseIds.indexOf(s.exerciseId) + 1}, attempt {s.attempt},{' '}
          <LocalTime iso={s.submittedAt} />
          {s.late ? ' (late)' : ''}
        </li>
      ))}
    </ul>
  );
}
