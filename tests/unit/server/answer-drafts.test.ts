import { expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/server/actor';
import { listAnswerDrafts } from '@/lib/server/data/answers';
import { answerForActor, saveAnswerDraft } from '@/lib/server/questions';
import { describeEachEngine } from './db-harness';
import { ANONYMOUS, makeClassAssignment, makeInstructor, makeStudent, must } from './fixtures';

const QUESTION = 'who-says-so-q-vague';
const ANSWER =
  'Press TV quoted Takhtravanchi is easier to check, because it names the outlet and the speaker, so I can look for the speech itself.';

describeEachEngine('drafts of written answers, for the teacher', (h) => {
  it('lists what students are still writing, not what they have checked since; the teacher only', async () => {
    const { teacher, klass, assignment } = await makeClassAssignment(h.db, { lesson: 'who-says-so', className: 'P9' });
    const student = async (name: string) => (await makeStudent(h.db, klass.joinCode, name)).actor as Actor;
    const [ada, bo, cy] = [await student('Ada'), await student('Bo'), await student('Cy')];
    const draft = (who: Actor, answer: string) => saveAnswerDraft(who, { questionId: QUESTION, answer }, h.db);
    const list = async (studentId?: string) =>
      must(await listAnswerDrafts(teacher, assignment.id, h.db, studentId)).map((d) => [d.studentName, d.answer]);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-12-07T10:00:00.000Z'));
      // Ada: a draft only. Bo: a draft, then checks another text. Cy: checks, then goes on writing.
      expect(await draft(ada, 'Half an answer')).toMatchObject({ ok: true });
      expect(await draft(bo, 'A first try')).toMatchObject({ ok: true });
      vi.setSystemTime(new Date('2026-12-07T10:05:00.000Z'));
      expect(await answerForActor(bo, { questionId: QUESTION, answer: ANSWER }, h.db)).toMatchObject({ ok: true });
      expect(await answerForActor(cy, { questionId: QUESTION, answer: ANSWER }, h.db)).toMatchObject({ ok: true });
      vi.setSystemTime(new Date('2026-12-07T10:10:00.000Z'));
      expect(await draft(cy, `${ANSWER} And one more thought`)).toMatchObject({ ok: true });
      // An empty box is nothing to show.
      expect(await draft(bo, '   ')).toMatchObject({ ok: true });
    } finally {
      vi.useRealTimers();
    }
    expect(await list()).toEqual([
      ['Ada', 'Half an answer'],
      ['Cy', `${ANSWER} And one more thought`],
    ]);
    const cyId = (cy as Extract<Actor, { kind: 'student' }>).studentId;
    expect(await list(cyId)).toEqual([['Cy', `${ANSWER} And one more thought`]]);
    // Only the class's instructor.
    for (const actor of [ANONYMOUS, ada, await makeInstructor(h.db, 'Other')])
      expect(await listAnswerDrafts(actor, assignment.id, h.db)).toMatchObject({ ok: false });
  });
});
