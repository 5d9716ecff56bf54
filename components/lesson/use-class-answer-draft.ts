'use client';

import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { AnswerForm } from '@/lib/validation/question';

/** The server actions that keep a class student's unchecked answer; absent, drafts stay in the browser. */
export type AnswerDraftActions = {
  save: (input: {
    questionId: string;
    answer: string;
  }) => Promise<{ ok: true; savedAt: string } | { ok: false; inClass: boolean; message: string }>;
  open: (questionId: string) => Promise<string | null>;
};

/** A pause in typing long enough to mean "I stopped for now", short enough to lose little. */
const SAVE_AFTER_MS = 1500;

/**
 * Keeps a class student's answer on the server while they type (after each pause), and on
 * the first focus of an empty box brings back what they left on another device. Nothing is
 * asked at page load; a self-guided reader's first save is told "not in a class" and no
 * more are sent. Returns a status line for the box ("Draft saved to your class. …"), and
 * `typed`, which saves text that reached the box another way (from the page's plain box).
 */
export function useClassAnswerDraft(id: string, form: UseFormReturn<AnswerForm>, actions?: AnswerDraftActions) {
  const inClass = useRef<boolean | null>(null);
  const asked = useRef(false);
  const [status, setStatus] = useState<string | null>(null);

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  /** Saves `answer` after a pause; a newer call replaces an older one. */
  const typed = useCallback(
    (answer: string) => {
      if (!actions || inClass.current === false) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(async () => {
        try {
          const saved = await actions.save({ questionId: id, answer });
          if (saved.ok) {
            inClass.current = true;
            // A draft, not an answer: the teacher's review shows it as a draft until it is checked.
            setStatus('Draft saved to your class. Your teacher sees it as a draft until you check it.');
          } else if (!saved.inClass) inClass.current = false;
          else setStatus(saved.message);
        } catch {
          setStatus('Not saved to your class just now (no connection); it is kept in this browser.');
        }
      }, SAVE_AFTER_MS);
    },
    [actions, id],
  );

  // Subscribed in the commit that mounts the box, not after its paint: typing that arrives in
  // between (the form replaces the page's plain box as the student starts typing) is saved too.
  useLayoutEffect(() => {
    // Only the student's own typing: a reset (a restored draft) is not a change to save.
    const sub = form.watch((values, { type }) => {
      if (type === 'change') typed(values.answer ?? '');
    });
    return () => {
      clearTimeout(timer.current);
      sub.unsubscribe();
    };
  }, [form, typed]);

  const onFocus = async () => {
    if (!actions || asked.current || inClass.current === false) return;
    asked.current = true;
    if (form.getValues('answer').trim() !== '') return;
    try {
      const kept = await actions.open(id);
      if (kept && form.getValues('answer').trim() === '') form.reset({ answer: kept });
    } catch {
      // Offline: the box stays as it is.
    }
  };

  return { status, onFocus, typed };
}
