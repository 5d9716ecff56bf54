'use client';

import { type ComponentType, useCallback, useEffect, useRef, useState } from 'react';
import type { Handover, QuestionFormProps } from './question-form';

type Form = ComponentType<QuestionFormProps & { takeOver?: () => Handover }>;

/** Starts from this far below (or above) the screen: a reader scrolling down finds the box ready. */
const NEAR = '100% 0px';

let loading: Promise<Form> | null = null;
/** The answer boxes' code (react-hook-form, zod), asked for once for every question of the page. */
function loadForm(): Promise<Form> {
  loading ??= import('./question-form').then(
    (m) => m.QuestionForm,
    (error) => {
      loading = null; // the next focus asks again
      throw error;
    },
  );
  return loading;
}

/**
 * A question's answer box. The server's HTML has a plain one that takes typing at once; a
 * click on its button is kept until the form can check. The form's code loads when the question nears the screen or the box is
 * first touched, not with the page, and then takes over what was typed, the caret and the
 * focus in the same frame.
 */
export function QuestionFormLazy(props: QuestionFormProps) {
  const [Form, setForm] = useState<Form | null>(null);
  const [failed, setFailed] = useState(false);
  /** A check was asked for before the form's code arrived: the button says it is coming. */
  const [asked, setAsked] = useState(false);
  const left = useRef<Handover>({ value: '', focused: null, check: false });
  const check = useRef(false);
  const root = useRef<HTMLFormElement | null>(null);

  const arrived = useRef<Form | null>(null);
  const pressed = useRef(false);

  // Never while a key or a pointer is down on the plain box: a press that ends on another
  // element than it began makes no click, and a check asked for would be lost.
  const swap = useCallback(() => {
    const loaded = arrived.current;
    if (loaded && !pressed.current) setForm(() => loaded);
  }, []);
  const wake = useCallback(() => {
    loadForm().then(
      (loaded) => {
        arrived.current = loaded;
        swap();
      },
      () => {
        check.current = false;
        setAsked(false);
        setFailed(true);
      },
    );
  }, [swap]);
  const press = useCallback(() => {
    if (pressed.current) return;
    pressed.current = true;
    const ends = ['pointerup', 'pointercancel', 'keyup', 'blur'] as const;
    const release = () => {
      for (const end of ends) window.removeEventListener(end, release, true);
      // After the click this release makes, which the plain button must receive.
      setTimeout(() => {
        pressed.current = false;
        swap();
      }, 0);
    };
    for (const end of ends) window.addEventListener(end, release, true);
  }, [swap]);

  useEffect(() => {
    const form = root.current;
    if (!form || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        wake();
      },
      { rootMargin: NEAR },
    );
    observer.observe(form);
    return () => observer.disconnect();
  }, [wake]);

  // The box as it is when the form replaces it: read as its ref is let go, in the same commit
  // as the form's mount and before the box leaves the page (so it still has the focus).
  const keep = useCallback((el: HTMLFormElement | null) => {
    root.current = el;
    if (!el) return;
    return () => {
      const box = el.elements.namedItem('answer') as HTMLTextAreaElement;
      const active = document.activeElement;
      left.current = {
        value: box.value,
        focused: active === box ? 'answer' : active && el.contains(active) ? 'button' : null,
        selection: [box.selectionStart, box.selectionEnd, box.selectionDirection],
        check: check.current,
      };
    };
  }, []);
  const takeOver = useCallback(() => left.current, []);

  if (Form) return <Form {...props} takeOver={takeOver} />;
  return (
    <form
      ref={keep}
      className="question-form"
      noValidate
      onSubmit={(e) => e.preventDefault()}
      onPointerDown={() => {
        press();
        wake();
      }}
      onKeyDown={press}
      onFocus={() => {
        setFailed(false);
        wake();
      }}
    >
      <textarea id={`${props.id}-answer`} rows={4} name="answer" />
      {failed && (
        <p className="field-error" role="alert">
          The answer box could not load (no connection?). What you wrote stays here; click in the box to try again.
        </p>
      )}
      {/* A check asked for before the form's code arrives is made when it does. Not a submit
          button: before the page's scripts, a submit would leave the page. */}
      <button
        type="button"
        onClick={() => {
          check.current = true;
          setAsked(true);
          wake();
        }}
      >
        {asked ? 'Checking…' : 'Check my answer'}
      </button>
    </form>
  );
}
