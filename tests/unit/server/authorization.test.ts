// Every data function against five actors: anonymous, a student of the class, a student of
// another class, the instructor of another class, and the owning instructor. A refused call
// must say so (ok: false), reveal none of the class's ids, codes or names, and change nothing.
import { expect, it } from 'vitest';
import type { Actor } from '@/lib/server/actor';
import { getAssignmentControl } from '@/lib/server/data/assignment-changes';
import {
  deleteAssignment,
  extendForStudent,
  reopenForStudent,
  updateAssignment,
} from '@/lib/server/data/assignment-control';
import {
  createAssignments,
  getMyAssignment,
  listAssignments,
  listMyAssignments,
  releaseKey,
} from '@/lib/server/data/assignments';
import { copyClass } from '@/lib/server/data/class-copy';
import {
  archiveClass,
  createClass,
  getClass,
  listMyClasses,
  regenerateJoinCode,
  renameClass,
} from '@/lib/server/data/classes';
import { getDraft, saveDraft } from '@/lib/server/data/drafts';
import { exportStudentData, removeStudent, resetStudentResumeCode } from '@/lib/server/data/roster';
import { getMySubmission, listSubmissions, submitExercise } from '@/lib/server/data/submissions';
import type { Db } from '@/lib/server/db/client';
import type { Result } from '@/lib/server/result';
import { describeEachEngine } from './db-harness';
import { ANONYMOUS, ANSWER, makeInstructor, makeStudent, must, SCORE, SHA } from './fixtures';

const DAY = 24 * 60 * 60 * 1000;

type Who = 'anonymous' | 'classmate' | 'outsiderStudent' | 'outsiderInstructor' | 'owner';
const EVERYONE: Who[] = ['anonymous', 'classmate', 'outsiderStudent', 'outsiderInstructor', 'owner'];

type World = Awaited<ReturnType<typeof buildWorld>>;

async function buildWorld(db: Db) {
  const owner = await makeInstructor(db, 'Owner');
  const klass = must(await createClass(owner, { name: 'Secret Class' }, db));
  const outsiderInstructor = await makeInstructor(db, 'Other');
  const otherClass = must(await createClass(outsiderInstructor, { name: 'Other Class' }, db));
  const classmate = await makeStudent(db, klass.joinCode, 'Classmate');
  const target = await makeStudent(db, klass.joinCode, 'Targetname');
  const outsiderStudent = await makeStudent(db, otherClass.joinCode, 'Outsider');
  const [assignment] = must(
    await createAssignments(
      owner,
      {
        classId: klass.id,
        lessonSlugs: ['secret-lesson'],
        opensAt: null,
        // A month ahead: a student's extension needs a due date to extend.
        dueAt: new Date(Date.now() + 30 * DAY),
        releasePolicy: 'manual',
        allowResubmit: false,
      },
      db,
    ),
  );
  if (!assignment) throw new Error('no assignment');
  const work = { assignmentId: assignment.id, exerciseId: 'ex-1' };
  must(await saveDraft(target.actor, { ...work, answers: ['draft'] }, db));
  must(
    await submitExercise(
      target.actor,
      { ...work, clientId: 'target-client-1', answers: ANSWER, articleSha256: SHA, score: SCORE },
      db,
    ),
  );
  const actors: Record<Who, Actor> = {
    anonymous: ANONYMOUS,
    classmate: classmate.actor,
    outsiderStudent: outsiderStudent.actor,
    outsiderInstructor,
    owner,
  };
  const targetId = target.grant.studentId;
  // Strings that only the owner (and, for their own work, the class's students) may see.
  const secrets = [
    klass.id,
    klass.joinCode,
    'Secret Class',
    targetId,
    'Targetname',
    assignment.id,
    'secret-lesson',
    'target-client-1',
  ];
  return { klass, assignment, work, targetId, actors, secrets };
}

type Case = {
  name: string;
  allowed: Who[];
  /** Callers that may succeed but must see none of the class's secrets (their own view). */
  ownView?: Who[];
  call: (actor: Actor, w: World, db: Db) => Promise<Result<unknown>>;
};

const CASES: Case[] = [
  {
    name: 'createClass',
    allowed: ['owner', 'outsiderInstructor'],
    ownView: ['outsiderInstructor'],
    call: (a, _w, db) => createClass(a, { name: 'New' }, db),
  },
  { name: 'renameClass', allowed: ['owner'], call: (a, w, db) => renameClass(a, w.klass.id, 'Renamed', db) },
  { name: 'archiveClass', allowed: ['owner'], call: (a, w, db) => archiveClass(a, w.klass.id, db) },
  {
    name: 'listMyClasses',
    allowed: ['owner', 'outsiderInstructor'],
    ownView: ['outsiderInstructor'],
    call: (a, _w, db) => listMyClasses(a, db),
  },
  { name: 'getClass', allowed: ['owner'], call: (a, w, db) => getClass(a, w.klass.id, db) },
  { name: 'regenerateJoinCode', allowed: ['owner'], call: (a, w, db) => regenerateJoinCode(a, w.klass.id, db) },
  { name: 'resetStudentResumeCode', allowed: ['owner'], call: (a, w, db) => resetStudentResumeCode(a, w.targetId, db) },
  { name: 'removeStudent', allowed: ['owner'], call: (a, w, db) => removeStudent(a, w.targetId, db) },
  { name: 'exportStudentData', allowed: ['owner'], call: (a, w, db) => exportStudentData(a, w.targetId, db) },
  {
    name: 'createAssignments',
    allowed: ['owner'],
    call: (a, w, db) =>
      createAssignments(
        a,
        {
          classId: w.klass.id,
          lessonSlugs: ['x'],
          opensAt: null,
          dueAt: null,
          releasePolicy: 'manual',
          allowResubmit: true,
        },
        db,
      ),
  },
  { name: 'listAssignments', allowed: ['owner'], call: (a, w, db) => listAssignments(a, w.klass.id, db) },
  {
    name: 'listMyAssignments',
    allowed: ['classmate', 'outsiderStudent'],
    ownView: ['outsiderStudent'],
    call: (a, _w, db) => listMyAssignments(a, db),
  },
  { name: 'getMyAssignment', allowed: ['classmate'], call: (a, w, db) => getMyAssignment(a, w.assignment.id, db) },
  { name: 'releaseKey', allowed: ['owner'], call: (a, w, db) => releaseKey(a, w.assignment.id, db) },
  { name: 'saveDraft', allowed: ['classmate'], call: (a, w, db) => saveDraft(a, { ...w.work, answers: ['x'] }, db) },
  { name: 'getDraft', allowed: ['classmate'], call: (a, w, db) => getDraft(a, w.work, db) },
  {
    name: 'submitExercise',
    allowed: ['classmate'],
    call: (a, w, db) =>
      submitExercise(
        a,
        {
          ...w.work,
          clientId: `c-${Math.random().toString(36).slice(2)}`,
          answers: [],
          articleSha256: SHA,
          score: SCORE,
        },
        db,
      ),
  },
  // Reusing the target's client id must not hand their submission to anyone else.
  {
    name: 'submitExercise (replayed client id)',
    allowed: [],
    call: (a, w, db) =>
      submitExercise(a, { ...w.work, clientId: 'target-client-1', answers: [], articleSha256: SHA, score: SCORE }, db),
  },
  { name: 'getMySubmission', allowed: ['classmate'], call: (a, w, db) => getMySubmission(a, w.work, db) },
  { name: 'listSubmissions', allowed: ['owner'], call: (a, w, db) => listSubmissions(a, w.assignment.id, db) },
  {
    name: 'updateAssignment',
    allowed: ['owner'],
    call: (a, w, db) =>
      updateAssignment(
        a,
        w.assignment.id,
        { opensAt: null, dueAt: new Date(Date.now() + 40 * DAY), releasePolicy: 'on-submit', allowResubmit: false },
        db,
      ),
  },
  { name: 'deleteAssignment', allowed: ['owner'], call: (a, w, db) => deleteAssignment(a, w.assignment.id, db) },
  {
    name: 'reopenForStudent',
    allowed: ['owner'],
    call: (a, w, db) => reopenForStudent(a, w.assignment.id, w.targetId, db),
  },
  {
    name: 'extendForStudent',
    allowed: ['owner'],
    call: (a, w, db) => extendForStudent(a, w.assignment.id, w.targetId, new Date(Date.now() + 40 * DAY), db),
  },
  {
    name: 'getAssignmentControl',
    allowed: ['owner'],
    call: (a, w, db) => getAssignmentControl(a, w.assignment.id, db),
  },
  {
    name: 'copyClass',
    allowed: ['owner'],
    call: (a, w, db) => copyClass(a, w.klass.id, { name: 'Copy', shiftDays: 7, timeZone: 'UTC' }, db),
  },
];

const TABLES = [
  'class',
  'student',
  'student_session',
  'assignment',
  'draft',
  'submission',
  'comment',
  'assignment_exception',
  'assignment_change',
] as const;

async function snapshot(db: Db): Promise<string> {
  const parts: unknown[] = [];
  for (const table of TABLES) {
    const rows = await db.selectFrom(table).selectAll().execute();
    parts.push(rows.map((r) => JSON.stringify(r)).sort());
  }
  return JSON.stringify(parts);
}

describeEachEngine('authorization matrix', (h) => {
  for (const c of CASES) {
    it(`${c.name}: allowed for ${c.allowed.join(', ') || 'no one here'}; refused, leak-free and without effect for the rest`, async () => {
      const w = await buildWorld(h.db);
      for (const who of EVERYONE) {
        if (c.allowed.includes(who)) continue;
        const before = await snapshot(h.db);
        const result = await c.call(w.actors[who], w, h.db);
        expect(result.ok, `${c.name} as ${who}`).toBe(false);
        if (!result.ok) expect(['forbidden', 'not-found', 'conflict']).toContain(result.error);
        for (const secret of w.secrets) expect(JSON.stringify(result), `${c.name} as ${who}`).not.toContain(secret);
        expect(await snapshot(h.db), `${c.name} as ${who} changed the database`).toBe(before);
      }
      for (const who of c.ownView ?? []) {
        const result = await c.call(w.actors[who], w, h.db);
        expect(result.ok, `${c.name} as ${who}`).toBe(true);
        for (const secret of w.secrets) expect(JSON.stringify(result), `${c.name} as ${who}`).not.toContain(secret);
      }
      for (const who of c.allowed.filter((x) => !(c.ownView ?? []).includes(x))) {
        const result = await c.call(w.actors[who], w, h.db);
        expect(result, `${c.name} as ${who}`).toMatchObject({ ok: true });
      }
    });
  }

  it('a student sees their own work but never a classmate’s draft or submission', async () => {
    const w = await buildWorld(h.db);
    expect(must(await getDraft(w.actors.classmate, w.work, h.db))).toBeNull();
    expect(must(await getMySubmission(w.actors.classmate, w.work, h.db))).toBeNull();
    const exported = await exportStudentData(w.actors.classmate, w.targetId, h.db);
    expect(exported).toMatchObject({ ok: false, error: 'forbidden' });
  });
});
