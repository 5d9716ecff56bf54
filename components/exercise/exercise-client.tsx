'use client';

import { type ReactNode, useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { Annotator, type TextSpan } from '@/lib/annotation/annotator';
import { afterNextPaint } from '@/lib/annotation/frames';
import { PendingSelection } from '@/lib/annotation/pending';
import { quoted } from '@/lib/quote-marks';
import type { ExerciseActions, ExerciseConfig } from '@/lib/validation/exercise-contract';
import type { Label } from '@/lib/validation/vocabulary';
import { ClassroomBanner } from './classroom-banner';
import { Comparison } from './comparison';
import { exerciseDraftKey } from './draft-store';
import { LABEL_NAMES, numberKeysPhrase } from './label-meta';
import { LabelPen } from './label-pen';
import { LabelToolbar } from './label-toolbar';
import { useSelfGuidedResult } from './self-guided-result';
import { SpanList } from './span-list';
import { isLocked } from './submit-flow';
import { undoKeys } from './undo-keys';
import { useClassroom } from './use-classroom';
import { useSpans } from './use-spans';
import { useSubmitFlow } from './use-submit-flow';

/** Classroom mode's server action (the state itself comes from a GET: use-classroom.ts). */
export type ClassroomLink = Pick<ExerciseActions, 'saveDraft'>;

type Props = {
  config: ExerciseConfig;
  /** Classroom mode's server action; the exercise learns after load whether it is assigned. */
  classroom?: ClassroomLink;
  children: ReactNode;
};

function excerpt(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The labeling exercise in the browser. The article (children) is rendered once by the
 * server; this component only maps selections to offsets and paints over it. The spans live
 * in a SpanStore (lib/annotation), the submit and result flow in one reducer (submit-flow.ts).
 */
export function ExerciseClient({ config, classroom: link, children }: Props) {
  const frame = useRef<HTMLDivElement>(null);
  const annotator = useRef<Annotator | null>(null);
  const menu = useRef<HTMLDivElement>(null);
  const draftKey = exerciseDraftKey(config.id, config.articleSha256);
  const spans = useSpans(draftKey);
  const { store } = spans;
  // The selection waiting for a label: the menu reads it (a selection redraws the menu alone).
  const [selection] = useState(() => new PendingSelection());
  const [active, setActive] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [pen, setPen] = useState<Label | null>(null);
  const replace = useCallback((next: typeof spans.spans) => store.replace(next), [store]);
  const classroom = useClassroom(config.id, draftKey, link, spans.spans, spans.restored, replace);
  const { flow, dispatch, onSubmit } = useSubmitFlow(config.id, spans.spans, classroom.state?.submitted, setStatus);
  const locked = isLocked(flow);
  const showResult = flow.phase === 'result';
  useSelfGuidedResult(`${draftKey}:result`, classroom, spans, flow, dispatch);

  const quote = useCallback((span: TextSpan) => annotator.current?.quote(span) ?? '', []);

  // Paints the label at once (the store does); everything else, React's updates, the
  // announcement, clearing the selection and the focus, waits until the frame that shows the
  // label has been drawn, so that frame has nothing else to do and the event ends at once.
  // The announcement is queued before the store's own notice (queued by `add`), so that the
  // list's redraw, a transition, starts after it and is not interrupted and restarted by it.
  const applyLabel = (label: Label, span: TextSpan | null) => {
    if (!span) return;
    let added: unknown = null;
    afterNextPaint(() => {
      setStatus(
        added
          ? `Labeled ${quoted(excerpt(quote(span)))} as ${LABEL_NAMES[label]}.`
          : `${quoted(excerpt(quote(span)))} already has that label.`,
      );
      annotator.current?.clearPending(span);
      frame.current?.focus();
    });
    added = store.add({ id: crypto.randomUUID(), label, start: span.start, end: span.end });
  };

  // The annotator's handlers read the latest spans, labels and pen without being recreated.
  const onActivate = useEffectEvent((offset: number) => {
    const here = spans.spans.filter((s) => s.start <= offset && offset < s.end).map((s) => s.id);
    // An unchanged empty list keeps its identity, so the label list does not redraw.
    setActive((prev) => (prev.length === 0 && here.length === 0 ? prev : here));
    // On a touch screen the list is far below the text: a tap marks the label there but does
    // not carry the reader away from the article (a finger taps a labeled word easily by chance).
    if (here.length > 0 && !matchMedia('(hover: none) and (pointer: coarse)').matches)
      document.getElementById(`span-${here[0]}`)?.focus();
  });
  const onKeyLabel = useEffectEvent((index: number, span: TextSpan) => {
    const label = config.labels[index];
    if (label) applyLabel(label, span);
  });
  const onMenu = useEffectEvent(() => menu.current?.querySelector<HTMLButtonElement>('button')?.focus());
  // The label pen in effect (none while the result is shown), asked for by the annotator.
  const penInUse = useEffectEvent(() => {
    const label = pen && !locked ? pen : null;
    return label ? { label, release: (span: TextSpan) => applyLabel(label, span) } : null;
  });

  useEffect(() => {
    if (!frame.current) return;
    const a = new Annotator(frame.current, config.range, {
      onPending: selection.set,
      onActivate,
      onKeyLabel,
      onMenu,
      pen: penInUse,
    });
    annotator.current = a;
    // An added label is painted by the store at once, before React redraws the list.
    store.attach(a);
    return () => {
      store.attach(null);
      a.destroy();
      annotator.current = null;
    };
  }, [config.range, store, selection]);

  const shown = flow.view === 'key' && flow.graded && showResult ? flow.graded.key : spans.spans;
  useEffect(() => {
    annotator.current?.paint(shown.map(({ id, label, start, end }) => ({ id, label, start, end })));
  }, [shown]);

  const onJump = useCallback((s: TextSpan) => annotator.current?.focusSpan(s), []);
  const onChange = useCallback(
    (id: string, patch: Partial<(typeof spans.spans)[number]>, undoable?: boolean) => store.update(id, patch, undoable),
    [store],
  );
  const onDelete = useCallback(
    (id: string) => {
      store.remove(id);
      setStatus('Label deleted. Undo brings it back.');
      frame.current?.focus({ preventScroll: true });
    },
    [store],
  );

  const onKeyDown = (e: React.KeyboardEvent) => undoKeys(e, store);

  // The server's word after the last submission wins over the state loaded with the page.
  const retryAllowed = !classroom.state || (flow.retryAllowed ?? classroom.state.allowResubmit);
  const submitting = flow.phase === 'submitting';
  // An empty submission is asked about first (a slip of the finger, and maybe the only try).
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const hasSpans = spans.spans.length > 0;
  // A label made meanwhile answers the question (adjusted while rendering, not in an effect).
  if (hasSpans && confirmEmpty) setConfirmEmpty(false);
  const submit = () => {
    if (!hasSpans && !confirmEmpty) {
      setConfirmEmpty(true);
      return;
    }
    setConfirmEmpty(false);
    onSubmit();
  };
  const missing = config.attributes && !locked ? spans.spans.filter((s) => !s.attribute).length : 0;
  return (
    <div className="exercise-body" onKeyDown={onKeyDown}>
      {classroom.state && <ClassroomBanner state={classroom.state} saveStatus={classroom.saveStatus} />}
      <div className="exercise-grid">
        <div className="exercise-text">
          {!locked && <LabelPen name={`${config.id}-pen`} labels={config.labels} pen={pen} onPen={setPen} />}
          <div
            ref={frame}
            className="text-frame"
            tabIndex={0}
            role="region"
            aria-label={`Article text. Left and right arrows move by word, up and down by paragraph, Shift with an arrow extends, ${numberKeysPhrase(config.labels.length)} the selection.`}
            aria-describedby={`${config.id}-help`}
          >
            {children}
          </div>
          {!locked && (
            <LabelToolbar
              ref={menu}
              labels={config.labels}
              pen={pen}
              selection={selection}
              quote={quote}
              onLabel={applyLabel}
              onCancel={() => annotator.current?.cancel()}
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
            onChange={onChange}
            onDelete={onDelete}
          />
          <div className="exercise-actions">
            <button type="button" onClick={() => store.undo()} disabled={!spans.canUndo || locked}>
              Undo
            </button>
            <button type="button" onClick={() => store.redo()} disabled={!spans.canRedo || locked}>
              Redo
            </button>
            {locked ? (
              retryAllowed && (
                <button type="button" className="primary" onClick={() => dispatch({ type: 'retry' })}>
                  Try again
                </button>
              )
            ) : (
              <button type="button" className="primary" onClick={submit} disabled={submitting}>
                {submitting ? 'Submitting…' : confirmEmpty ? 'Submit with no labels' : 'Submit my labels'}
              </button>
            )}
          </div>
          {confirmEmpty && !locked && (
            <p className="submit-check" role="alert">
              You have no labels yet.
              {classroom.state && !classroom.state.allowResubmit ? ' This exercise takes one submission only.' : ''}{' '}
              Select words in the text to label them, or press “Submit with no labels” to submit anyway.
            </p>
          )}
          {missing > 0 && (
            <p className="hint">
              {`${missing} ${missing === 1 ? 'label still needs' : 'labels still need'} the second choice (kind, voice or basis): the key checks it too.`}
            </p>
          )}
        </section>
      </div>
      {flow.phase === 'held' && (
        <p className="classroom-notice" role="status">
          {flow.notice}
        </p>
      )}
      {flow.error && (
        <p className="form-error" role="alert">
          {flow.error}
        </p>
      )}
      <p className="sr-only" aria-live="polite">
        {status}
      </p>
      {flow.graded && (showResult || config.keyOnRetry) && (
        <Comparison
          graded={flow.graded}
          labels={config.labels}
          view={flow.view}
          onView={(view) => dispatch({ type: 'view', view })}
          retrying={!showResult}
          askAttributes={config.attributes}
          quote={quote}
        />
      )}
    </div>
  );
}
