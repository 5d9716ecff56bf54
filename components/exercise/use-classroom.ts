'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import type { ClassroomExercise, DraftSpan } from '@/lib/validation/exercise-contract';
import { loadDraft, saveDraft } from './draft-store';
import type { ClassroomLink } from './exercise-client';

/** Wait this long after the last change before saving a classroom draft to the server. */
const DRAFT_SAVE_DELAY_MS = 1500;

/** The signed-in student's state of an exercise, or null (self-guided); the server checks who asks. */
async function openClassroom(exerciseId: string): Promise<ClassroomExercise | null> {
  const response = await fetch(`/api/classroom/${encodeURIComponent(exerciseId)}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`classroom: HTTP ${response.status}`);
  return (await response.json()) as ClassroomExercise | null;
}

/** Said while a change waits to be saved to the class copy (a moment after the last change). */
const SAVING = 'Saving to your class…';

/** Said when the class copy changed elsewhere since this browser last saved it. */
const CHANGED_ELSEWHERE =
  'Your class copy was changed on another device or tab since this browser last saved it, so that copy is shown here. Undo (Ctrl+Z) brings back the labels this browser had.';

/**
 * Classroom mode for one exercise: asks the server (a GET after load; the page itself is the
 * same for every reader) whether the signed-in student has it as an assignment, and saves the
 * spans to the server a moment after each change (the browser copy is kept as well).
 * On load, when the two copies differ, this browser remembers the class copy it last saved or
 * read (`draftKey` + ":synced"): if the class copy is still that one, this browser's labels are
 * newer and are saved; if it changed elsewhere since (another device), the class copy is shown,
 * with this browser's labels one undo away, so that neither is lost. A browser with no labels
 * takes the class copy.
 * Without `link`, or when the server says no, the exercise stays self-guided.
 */
export function useClassroom(
  exerciseId: string,
  draftKey: string,
  link: ClassroomLink | undefined,
  spans: readonly DraftSpan[],
  restored: boolean,
  replace: (spans: DraftSpan[]) => void,
) {
  const [state, setState] = useState<ClassroomExercise | null>(null);
  // Whether the server has answered (or there is no one to ask): until then, self-guided or not is unknown.
  const [checked, setChecked] = useState(link === undefined);
  const [saveStatus, setSaveStatus] = useState('');
  // Whether the last save was refused or did not reach the server.
  const [failed, setFailed] = useState(false);
  // The body of the class copy as this browser last saved or read it; null until read.
  const [lastSaved, setLastSaved] = useState<string | null>(null);
  const save = link?.saveDraft;
  const inLesson = link !== undefined;

  useEffect(() => {
    if (!inLesson) return;
    let live = true;
    openClassroom(exerciseId)
      .then((found) => {
        if (!live) return;
        setChecked(true);
        if (!found) return;
        setLastSaved(JSON.stringify(found.draft ?? []));
        setState(found);
      })
      .catch(() => {
        if (live) setChecked(true);
      });
    return () => {
      live = false;
    };
  }, [exerciseId, inLesson]);

  const syncKey = `${draftKey}:synced`;
  const adopted = useRef(false);
  useEffect(() => {
    if (!state || !restored || adopted.current) return;
    adopted.current = true;
    const server = state.draft ?? [];
    const serverBody = JSON.stringify(server);
    if (serverBody === JSON.stringify(spans) || server.length === 0) {
      if (server.length > 0) saveDraft(syncKey, serverBody);
      return;
    }
    if (spans.length > 0 && loadDraft<string>(syncKey) === serverBody) return;
    replace(server);
    saveDraft(syncKey, serverBody);
    if (spans.length > 0) setSaveStatus(CHANGED_ELSEWHERE);
  }, [state, restored, spans, replace, syncKey]);

  const body = useMemo(() => JSON.stringify(spans), [spans]);
  const saving = Boolean(state && !state.blocked && !state.submitted && save && restored) && body !== lastSaved;
  useEffect(() => {
    if (!saving || !save) return;
    const timer = window.setTimeout(() => {
      save({ exerciseId, answers: spans }).then(
        (result) => {
          if (result.ok) {
            setLastSaved(body);
            saveDraft(syncKey, body);
          }
          setFailed(!result.ok);
          setSaveStatus(result.ok ? 'Saved to your class.' : `Not saved to your class: ${result.message}`);
        },
        () => {
          setFailed(true);
          setSaveStatus('Not saved to your class yet (no connection); kept in this browser.');
        },
      );
    }, DRAFT_SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [exerciseId, save, spans, body, saving, syncKey]);

  // "Saved" only ever describes the labels on the screen: a change not saved yet says so in the
  // same redraw that shows it (a refusal or a lost connection stays said until a save succeeds).
  const shownStatus = saving && !failed ? SAVING : saveStatus;
  return { state, saveStatus: shownStatus, checked };
}
