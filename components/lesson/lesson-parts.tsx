import type { ReactNode } from 'react';

/** Two passages side by side (stacked on narrow screens). */
export function SideBySide({ children }: { children: ReactNode }) {
  return <div className="side-by-side">{children}</div>;
}

/** The lesson's "check it yourself" step. */
export function CheckItYourself({ children }: { children: ReactNode }) {
  return (
    <section className="check-yourself" aria-label="Check it yourself">
      <h2>Check it yourself</h2>
      {children}
    </section>
  );
}

/** Notes for instructors: not part of the student's lesson view. */
export function HiddenInstructorNotes(_: { children: ReactNode }) {
  return null;
}

/** Notes for instructors as shown on the instructor's side. */
export function VisibleInstructorNotes({ children }: { children: ReactNode }) {
  return (
    <section className="instructor-notes" aria-label="Notes for instructors">
      <h2>Notes for instructors</h2>
      {children}
    </section>
  );
}
