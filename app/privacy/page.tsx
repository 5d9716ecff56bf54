import type { Metadata } from 'next';
import { Link } from '@/components/layout/link';
import { STUDENT_SESSION_DAYS } from '@/lib/server/students';

export const metadata: Metadata = { title: 'Privacy' };

/** For families, students, teachers and districts: what Close Read keeps, who sees it, and for how long. */
export default function PrivacyPage() {
  return (
    <div className="page narrow privacy">
      <h1>Privacy: what Close Read keeps</h1>
      <p className="lede">
        Close Read keeps as little as it can: what a teacher needs to see their class’s work, and nothing for anyone
        else.
      </p>

      <h2>Working alone, without a class</h2>
      <p>
        Nothing about you is kept on the server. Your labels, answers and progress stay in this browser. When you submit
        an exercise, your labels are sent to be scored and forgotten at once.
      </p>

      <h2>Students in a class</h2>
      <ul>
        <li>
          <strong>What is kept:</strong> the name you choose when you join (it need not be your real name), your labels
          and notes while you work, what you submit and its score, your teacher’s comments on it, and a scrambled form
          of your resume code (the code itself is shown to you once and never stored).
        </li>
        <li>
          <strong>Who sees it:</strong> you, and the teacher of your class. No other teacher, no other student and no
          other company sees it.
        </li>
        <li>
          <strong>For how long:</strong> until your teacher removes you from the class, which deletes everything of
          yours. Staying signed in on a device lasts {STUDENT_SESSION_DAYS} days.
        </li>
        <li>
          <strong>Your copy:</strong> on <Link href="/class">My class</Link>, “Download my data” gives you everything
          kept about you, as a file. Scores and your teacher’s comments are in it once your teacher releases the key.
        </li>
      </ul>

      <h2>Teachers</h2>
      <ul>
        <li>
          <strong>What is kept:</strong> your name and email, a one-way scrambled form of your password (never the
          password itself), your classes and assignments, and your sign-in sessions, which last 7 days.
        </li>
        <li>
          <strong>Export and delete:</strong> each student’s data can be exported as a file from the class page, and
          removing a student deletes all of their work. Your account is created, and removed, by whoever runs this
          installation of Close Read for your school.
        </li>
      </ul>

      <h2>What Close Read does not do</h2>
      <ul>
        <li>No analytics, no advertising, no tracking across sites.</li>
        <li>No requests to other companies: every page, font and script comes from this server.</li>
        <li>
          Cookies only to keep you signed in; for teachers one more that remembers this browser so that nobody else’s
          wrong passwords can lock them out; and, on pages that show dates, one with your browser’s time zone and
          language (such as “en-US America/Chicago”), so that the server writes dates in your own time.
        </li>
        <li>Short-lived counters of attempts to sign in or join, kept for an hour at most, to stop guessing.</li>
      </ul>
    </div>
  );
}
