import { expect, it } from 'vitest';
import { getQuestion } from '@/lib/content/lessons';
import { listAnswers, listMyAnswers, reviewAnswer } from '@/lib/server/data/answers';
import { releaseKey } from '@/lib/server/data/assignments';
import { answerForActor, openAnswerDraft, saveAnswerDraft } from '@/lib/server/questions';
import { fillerProblem } from '@/lib/validation/question';
import { describeEachEngine } from './db-harness';
import { ANONYMOUS, makeClassAssignment, makeInstructor, makeStudent, must } from './fixtures';

const QUESTION = 'who-says-so-q-vague';
const question = getQuestion(QUESTION)?.question;
if (!question) throw new Error(`no question ${QUESTION}`);
const REAL =
  'Press TV quoted Takhtravanchi is easier to check, because it names the outlet and the speaker, so I can look for the speech itself.';

it('fillerProblem refuses repetition and answers with nothing of the question’s topic, and takes real answers', () => {
  const topic = `${question.prompt}\n${question.model}`;
  expect(fillerProblem(Array(15).fill('a').join(' '), topic)).toMatch(/same words repeated/);
  expect(fillerProblem('blah blah blah blah blah blah blah blah blah blah blah blah blah blah blah', topic)).toMatch(
    /same words repeated/,
  );
  expect(
    fillerProblem('I like pizza and my dog runs very fast in green fields near our small town today', topic),
  ).toMatch(/does not mention anything the question asks about/);
  expect(fillerProblem(REAL, topic)).toBeNull();
  expect(fillerProblem(question.model, topic)).toBeNull();
});

describeEachEngine('answering a lesson question', (h) => {
  it('a self-guided reader gets the model answer; filler is refused with a message asking for a real answer', async () => {
    expect(await answerForActor(ANONYMOUS, { questionId: QUESTION, answer: REAL }, h.db)).toEqual({
      ok: true,
      model: question.model,
    });
    const filler = await answerForActor(
      ANONYMOUS,
      { questionId: QUESTION, answer: Array(15).fill('a').join(' ') },
      h.db,
    );
    expect(filler).toMatchObject({ ok: false, message: expect.stringMatching(/Write a real answer/) });
  });

  it('a class student gets the model answer only once the lesson’s key is released to them', async () => {
    const { teacher, klass, assignment } = await makeClassAssignment(h.db, { className: 'P4' });
    const { actor } = await makeStudent(h.db, klass.joinCode, 'Ada');
    const held = await answerForActor(actor, { questionId: QUESTION, answer: REAL }, h.db);
    expect(held).toMatchObject({ ok: true, model: null, notice: expect.stringMatching(/release/) });
    expect(JSON.stringify(held)).not.toContain(question.model.slice(0, 40));
    must(await releaseKey(teacher, assignment.id, h.db));
    expect(await answerForActor(actor, { questionId: QUESTION, answer: REAL }, h.db)).toMatchObject({
      ok: true,
      model: question.model,
    });
  });

  it('a class student’s answer is stored for the teacher: once per question, a retry changes nothing, a new answer waits for review', async () => {
    const { teacher, klass, assignment } = await makeClassAssignment(h.db, { className: 'P7' });
    const ada = await makeStudent(h.db, klass.joinCode, 'Ada');
    const bo = await makeStudent(h.db, klass.joinCode, 'Bo');
    const clientId = '7b0f6a7e-8d1c-4f61-9d36-2f7f7b5a0c11';
    const first = await answerForActor(ada.actor, { questionId: QUESTION, answer: REAL, clientId }, h.db);
    expect(first).toMatchObject({ ok: true, notice: expect.stringMatching(/saved for your teacher/) });
    // The same request again (a retry): still one row, unchanged.
    await answerForActor(ada.actor, { questionId: QUESTION, answer: REAL, clientId }, h.db);
    const rows = () => h.db.selectFrom('question_answer').selectAll().orderBy('student_id').execute();
    expect(await rows()).toHaveLength(1);
    const boAnswer = `${REAL} The outlet is the thing to look up.`;
    await answerForActor(bo.actor, { questionId: QUESTION, answer: boAnswer }, h.db);
    const all = must(await listAnswers(teacher, assignment.id, h.db));
    expect(all.map((a) => [a.studentName, a.answer])).toEqual([
      ['Ada', REAL],
      ['Bo', boAnswer],
    ]);
    // Another instructor, and a student, may not read them.
    expect(await listAnswers(await makeInstructor(h.db, 'Other'), assignment.id, h.db)).toMatchObject({ ok: false });
    expect(await listAnswers(ada.actor, assignment.id, h.db)).toMatchObject({ ok: false });
    // The teacher marks Ada's to revise with a comment; Ada sees it only after release.
    const adaRow = all.find((a) => a.studentName === 'Ada');
    must(
      await reviewAnswer(
        teacher,
        { assignmentId: assignment.id, answerId: adaRow?.id ?? '', status: 'revise', comment: 'Name the record.' },
        h.db,
      ),
    );
    expect(must(await listMyAnswers(ada.actor, assignment.id, h.db)).answers[0]).toMatchObject({
      status: null,
      comment: null,
    });
    must(await releaseKey(teacher, assignment.id, h.db));
    expect(must(await listMyAnswers(ada.actor, assignment.id, h.db)).answers[0]).toMatchObject({
      status: 'revise',
      comment: 'Name the record.',
    });
    // A new answer waits for a new review.
    await answerForActor(ada.actor, { questionId: QUESTION, answer: `${REAL} The UN record of the speech.` }, h.db);
    expect(must(await listAnswers(teacher, assignment.id, h.db)).find((a) => a.studentName === 'Ada')).toMatchObject({
      status: null,
      answer: `${REAL} The UN record of the speech.`,
    });
    expect(await rows()).toHaveLength(2);
  });
});

describeEachEngine('drafts of written answers', (h) => {
  it('a class student’s draft is kept on the server and read back; anyone else is told to keep it in the browser', async () => {
    const { klass } = await makeClassAssignment(h.db, { className: 'P10' });
    const { actor } = await makeStudent(h.db, klass.joinCode, 'Ada');
    const input = { questionId: QUESTION, answer: 'Half an answer about Press TV' };
    expect(await openAnswerDraft(actor, QUESTION, h.db)).toBeNull();
    expect(await saveAnswerDraft(actor, input, h.db)).toMatchObject({ ok: true });
    expect(await openAnswerDraft(actor, QUESTION, h.db)).toBe('Half an answer about Press TV');
    expect(await saveAnswerDraft(ANONYMOUS, input, h.db)).toMatchObject({ ok: false, inClass: false });
    expect(await openAnswerDraft(ANONYMOUS, QUESTION, h.db)).toBeNull();
    expect(await saveAnswerDraft(actor, { ...input, answer: 'x'.repeat(5000) }, h.db)).toMatchObject({ ok: false });
    expect(await saveAnswerDraft(actor, { questionId: 'no-such-question', answer: 'a' }, h.db)).toMatchObject({
      ok: false,
      inClass: false,
    });
    // Without a draft, the answer last checked comes back.
    const other = await makeStudent(h.db, klass.joinCode, 'Bo');
    await answerForActor(other.actor, { questionId: QUESTION, answer: REAL }, h.db);
    expect(await openAnswerDraft(other.actor, QUESTION, h.db)).toBe(REAL);
  });
});
