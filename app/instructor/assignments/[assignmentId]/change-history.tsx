import { LocalTime } from '@/components/time/local-time';
import type { AssignmentChange } from '@/lib/server/data/assignment-changes';
import { RELEASE_POLICY_CHOICES } from '@/lib/validation/classroom';

const POLICY = Object.fromEntries(RELEASE_POLICY_CHOICES.map((c) => [c.value, c.label]));

/** An instant of a change, or "none" where there was none. */
function When({ iso }: { iso: string | null }) {
  return iso ? <LocalTime iso={iso} /> : <>none</>;
}

function Line({ c }: { c: AssignmentChange }) {
  const on = <LocalTime iso={c.at} />;
  switch (c.kind) {
    case 'due':
      return (
        <>
          Due date changed on {on} from <When iso={c.from} /> to <When iso={c.to} />
        </>
      );
    case 'opens':
      return (
        <>
          Opening date changed on {on} from <When iso={c.from} /> to <When iso={c.to} />
        </>
      );
    case 'release-policy':
      return (
        <>
          Key release changed on {on} from “{POLICY[c.from]}” to “{POLICY[c.to]}”
        </>
      );
    case 'resubmit':
      return (
        <>
          Resubmission turned {c.to ? 'on' : 'off'} on {on}
        </>
      );
    case 'reopened':
      return (
        <>
          Reopened for {c.studentName ?? 'a removed student'} on {on}
        </>
      );
    case 'extension':
      return (
        <>
          Due date for {c.studentName ?? 'a removed student'} changed on {on} from <When iso={c.from} /> to{' '}
          <When iso={c.to} />
        </>
      );
  }
}

/** Every recorded change to an assignment, in the order made. */
export function ChangeHistory({ changes }: { changes: AssignmentChange[] }) {
  if (changes.length === 0) return <p>No changes since.</p>;
  return (
    <ol aria-label="Changes" className="change-history">
      {changes.map((c) => (
        <li key={c.id}>
          <Line c={c} />.
        </li>
      ))}
    </ol>
  );
}
