'use client';

import { useEffect, useRef, useState } from 'react';

/** What is read: prose and headings, as a reader meets them. */
const READABLE = 'h1, h2, h3, h4, p, li, blockquote, dt, dd, .para';
/** What is not: the labeling widgets, forms, the control itself, hidden and instructor-only parts. */
const SKIPPED = '[data-exercise], form, .read-aloud, nav, [hidden], [aria-hidden="true"], .instructor-notes';

/** The texts of a container, in reading order, without nested repeats. */
function readableTexts(root: Element): string[] {
  const all = [...root.querySelectorAll<HTMLElement>(READABLE)].filter((el) => !el.closest(SKIPPED));
  // Read the innermost readable elements only, so that a list item's paragraph is not read twice.
  const leaves = all.filter((el) => !all.some((other) => other !== el && el.contains(other)));
  return leaves.map((el) => el.innerText.replace(/\s+/g, ' ').trim()).filter((t) => t.length > 0);
}

type State = 'idle' | 'speaking' | 'paused';

/**
 * Reads the prose of the element matching `target` aloud with the browser's own speech
 * synthesis (no network, no service), paragraph by paragraph, with pause, resume and stop.
 * Renders nothing where the browser has no speech synthesis.
 */
export function ReadAloud({ target, label }: { target: string; label: string }) {
  // null until the browser is asked: the button is drawn (disabled) in the page's HTML, so
  // that it does not push the page down when it appears.
  const [supported, setSupported] = useState<boolean | null>(null);
  const [state, setState] = useState<State>('idle');
  const run = useRef(0);

  useEffect(() => {
    setSupported(
      typeof window.speechSynthesis !== 'undefined' && typeof window.SpeechSynthesisUtterance === 'function',
    );
    return () => {
      if (typeof window.speechSynthesis !== 'undefined') window.speechSynthesis.cancel();
    };
  }, []);
  if (supported === false) return null;

  // Asked for in the handlers: they run only once the browser has said it can speak.
  const synth = () => window.speechSynthesis;
  const start = () => {
    const root = document.querySelector(target);
    if (!root) return;
    synth().cancel();
    const texts = readableTexts(root);
    const mine = ++run.current;
    texts.forEach((text, i) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = document.documentElement.lang || 'en';
      if (i === texts.length - 1) utterance.onend = () => run.current === mine && setState('idle');
      synth().speak(utterance);
    });
    setState(texts.length > 0 ? 'speaking' : 'idle');
  };
  const stop = () => {
    run.current++;
    synth().cancel();
    setState('idle');
  };

  return (
    <div className="read-aloud print-hide" role="group" aria-label="Read aloud">
      {state === 'idle' && (
        <button type="button" onClick={start} disabled={supported === null}>
          {label}
        </button>
      )}
      {state === 'speaking' && (
        <button
          type="button"
          onClick={() => {
            synth().pause();
            setState('paused');
          }}
        >
          Pause reading
        </button>
      )}
      {state === 'paused' && (
        <button
          type="button"
          onClick={() => {
            synth().resume();
            setState('speaking');
          }}
        >
          Resume reading
        </button>
      )}
      {state !== 'idle' && (
        <button type="button" onClick={stop}>
          Stop reading
        </button>
      )}
    </div>
  );
}
