'use client';

import { type ReactNode, useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { recordProgress } from '@/components/lesson/progress';
import { Annotator, type TextSpan } from '@/lib/annotation/annotator';
import type { Label } from '@/lib/validation/vocabulary';
import { LocalTime } from '../time/local-time';
import { Comparison } from './comparison';
import { exerciseDraftKey } from './draft-store';
import { LABEL_NAMES } from './label-meta';
import { LabelPen } from './label-pen';
import { LabelToolbar } from './label-toolbar';
import { SpanList } from './span-list';
import type { ClassroomLink, ExerciseConfig, Graded, SubmitOutcome } from './types';
import { useClassroom } from './use-classroom';
import { useSpans } from './use-spans';

type Props = {
  config: ExerciseConfig;
  submit: (input: unknown) => Promise<SubmitOutcome>;
  /** Classroom mode's server actions; the exercise asks once whether it is assigned. */
  classroom?: ClassroomLink;
  children: ReactNode;
};

function excerpt(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The labeling exercise in the browser. The article (children) is rendered once by the
 * server; this component only maps selections to offsets and paints over it.
 */
export function ExerciseClient({ config, submit, classroom: link, children }: Props) {
  const frame = useRef<HTMLDivElement>(null);
  const annotator = useRef<Annotator | null>(null);
  const menu = useRef<HTMLDivElement>(null);
  const spans = useSpans(exerciseDraftKey(config.id, config.articleSha256));
  const [pending, setPending] = useState<TextSpan | null>(null);
  const [active, setActive] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [graded, setGraded] = useState<Graded | null>(null);
  const [showResult, setShowResult] = useState(false);
  const [view, setView] = useState<'mine' | 'key'>('mine');
  const [error, setError] = useState<string | null>(null);
  const [submitting, startSubmit] = useTransition();
  const clientId = useRef<string | null>(null);
  const labelRef = useRef<(index: number, span: TextSpan) => void>(() => {});
  const [held, setHeld] = useState<string | null>(null);
  /** Whether another submission is allowed, as the server said after the last one (null: none made here yet). */
  const [retryNow, setRetryNow] = useState<boolean | null>(null);
  const [pen, setPen] = useState<Label | null>(null);
  const penRef = useRef<((span: TextSpan) => void) | null>(null);
  const classroom = useClassroom(config.id, link, spans.spans, spans.restored, spans.replace);
  useEffect(() => {
    const submitted = classroom.state?.submitted;
    if (!submitted) return;
    if (submitted.graded) {
      setGraded(submitted.graded);
      setShowResult(true);
    } else setHeld(submitted.notice);
  }, [classroom.state]);

  useEffect(() => {
    if (!frame.current) return;
    const a = new Annotator(frame.current, config.range, {
      onPending: setPending,
      onActivate: (offset) => {
        const here = spansRef.current.filter((s) => s.start <= offset && offset < s.end).map((s) => s.id);
        // An unchanged empty list keeps its identity, so the label list does not redraw.
        setActive((prev) => (prev.length === 0 && here.length === 0 ? prev : here));
        if (here.length > 0) document.getElementById(`span-${here[0]}`)?.focus();
      },
      onKeyLabel: (index, span) => labelRef.current(index, span),
      labelOnRelease: () => penRef.current,
    });
    annotator.current = a;
    return () => {
      a.destroy();
      annotator.current = null;
    };
  }, [config.range]);

  const spansRef = useRef(spans.spans);
  spansRef.current = spans.spans;

  const shown = view === 'key' && graded && showResult ? graded.key : spans.spans;
  useEffect(() => {
    annotator.current?.paint(shown.map(({ id, label, start, end }) => ({ id, label, start, end })));
  }, [shown]);

  const quote = useCallback((span: TextSpan) => annotator.current?.quote(span) ?? '', []);

  const applyLabel = useCallback(
    (label: Label, span: TextSpan | null = pending) => {
      if (!span) return;
      const added = spans.add(label, span.start, span.end);
      // Paint at once, before React redraws the list: the label appears on the next frame.
      if (added) annotator.current?.painter.put({ id: added.id, label, start: span.start, end: span.end });
      setStatus(
        added
          ? `Labeled “${excerpt(quote(span))}” as ${LABEL_NAMES[label]}.`
          : `“${excerpt(quote(span))}” already has that label.`,
      );
      annotator.current?.clearPending();
      frame.current?.focus();
    },
    [pending, spans, quote],
  );

  labelRef.current = (index: number, span: TextSpan) => {
    if (index < 0) {
      menu.current?.querySelector<HTMLButtonElement>('button')?.focus();
      return;
    }
    const label = config.labels[index];
    if (label) applyLabel(label, span);
  };

  const onJump = useCallback((s: TextSpan) => annotator.current?.focusSpan(s), []);
  const { remove } = spans;
  const onDelete = useCallback(
    (id: string) => {
      remove(id);
      setStatus('Label deleted. Undo brings it back.');
      frame.current?.focus({ preventScroll: true });
    },
    [remove],
  );

  const onSubmit = () => {
    setError(null);
    clientId.current ??= crypto.randomUUID();
    const input = {
      exerciseId: config.id,
      clientId: clientId.current,
      answers: spans.spans.map(({ label, start, end, attribute, why }) => ({ label, start, end, attribute, why })),
    };
    startSubmit(async () => {
      try {
        const outcome = await submit(input);
        if (!outcome.ok) {
          setError(`${outcome.message} ${Object.values(outcome.fieldErrors).flat().slice(0, 3).join('; ')}`.trim());
          return;
        }
        clientId.current = null;
        recordProgress(config.id);
        if ('retryAllowed' in outcome && typeof outcome.retryAllowed === 'boolean') setRetryNow(outcome.retryAllowed);
        if (outcome.graded === null) {
          setHeld(outcome.notice);
          setStatus(outcome.notice);
          return;
        }
        setGraded(outcome.graded);
        setShowResult(true);
        setView('mine');
        setStatus(`${outcome.notice ?? 'Submitted.'} Your labels are compared with the key below.`);
      } catch {
        setError('Your answers could not be sent. Check your connection and try again; your labels are kept.');
      }
    });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'z' && !e.shiftKey) {
      e.preventDefault();
      spans.undo();
    } else if (mod && (e.key.toLowerCase() === 'y' || (e.key.toLowerCase() === 'z' && e.shiftKey))) {
      e.preventDefault();
      spans.redo();
    }
  };

  const locked = showResult || held !== null;
  // The label pen in effect (none while the result is shown), asked for by the annotator.
  penRef.current = pen && !locked ? (span) => applyLabel(pen, span) : null;
  // The server's word after the last submission wins over the state loaded with the page.
  const retryAllowed = !classroom.state || (retryNow ?? classroom.state.allowResubmit);
  return (
    <div className="exercise-body" onKeyDown={onKeyDown}>
      {classroom.state && (
        <p className="classroom-banner">
          Assigned to your class in “{classroom.state.lessonTitle}”
          {classroom.state.dueAt && (
            <>
              , due <LocalTime iso={classroom.state.dueAt} />
            </>
          )}
          . {classroom.state.blocked ?? ''}{' '}
          {classroom.state.opensAt && (
            <>
              It opens <LocalTime iso={classroom.state.opensAt} />.{' '}
            </>
          )}
          {classroom.saveStatus || 'Your labels are saved to your class as you work.'}
        </p>
      )}
      <div className="exercise-grid">
        <div className="exercise-text">
          {!locked && <LabelPen name={`${config.id}-pen`} labels={config.labels} pen={pen} onPen={setPen} />}
          <div
            ref={frame}
            className="text-frame"
            tabIndex={0}
            role="region"
            aria-label="Article text. Arrow keys move by word, Shift with an arrow extends, 1 to 3 label the selection."
            aria-describedby={`${config.id}-help`}
          >
            {children}
          </div>
          {!locked && (
            <LabelToolbar
              ref={menu}
              labels={config.labels}
              pen={pen}
              pending={pending}
              quote={quote}
              onLabel={(label) => applyLabel(label)}
              onCancel={() => annotator.current?.clearPending()}
            />
          )}
        </div>
        <section className="exercise-side" aria-labelledby={`${config.id}-mine`}>
          <SpanList
            config={config}
            spans={spans.spans}
            active={active}
            quote={quote}
            locked={locked}
            onJump={onJump}
            onChange={spans.update}
            onDelete={onDelete}
          />
          <div className="exercise-actions">
            <button type="button" onClick={spans.undo} disabled={!spans.canUndo || locked}>
              Undo
            </button>
            <button type="button" onClick={spans.redo} disabled={!spans.canRedo || locked}>
              Redo
            </button>
            {locked ? (
              retryAllowed && (
                <button
                  type="button"
                  className="primary"
                  onClick={() => {
                    setShowResult(false);
                    setHeld(null);
                    setView('mine');
                  }}
                >
                  Try again
                </button>
              )
            ) : (
              <button type="button" className="primary" onClick={onSubmit} disabled={submitting}>
                {submitting ? 'Submitting…' : 'Submit my labels'}
              </button>
            )}
          </div>
        </section>
      </div>
      {held && (
        <p className="classroom-notice" role="status">
          {held}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p className="sr-only" aria-live="polite">
        {status}
      </p>
      {graded && (showResult || config.keyOnRetry) && (
        <Comparison
          graded={graded}
          labels={config.labels}
          view={view}
          onView={setView}
          retrying={!showResult}
          askAttributes={config.attributes}
          quote={quote}
        />
      )}
    </div>
  );
}
