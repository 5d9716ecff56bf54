'use client';

import { startTransition, useEffect, useEffectEvent, useRef, useState } from 'react';
import { Annotator, type TextSpan } from '@/lib/annotation/annotator';
import { afterNextPaint } from '@/lib/annotation/frames';
import { redo, undo } from '@/lib/annotation/history';
import { sameSpan } from '@/lib/annotation/painter';
import { PendingSelection } from '@/lib/annotation/pending';
import { quoted } from '@/lib/quote-marks';
import type { Label } from '@/lib/validation/vocabulary';
import { LABEL_NAMES, numberKeysPhrase } from '../exercise/label-meta';
import { LabelPen } from '../exercise/label-pen';
import { LabelToolbar } from '../exercise/label-toolbar';
import { EditorActions } from './editor-actions';
import { historyKeys } from './history-keys';
import { ItemForm } from './item-form';
import { ItemList } from './item-list';
import { useLeaveGuard } from './leave-guard';
import { serverProblems } from './problems';
import type { EditorItem, KeyEditorProps } from './types';
import { stored, useKeyItems } from './use-key-items';

/**
 * The key editor: the article with every key item painted as students see them after
 * release, the list of items beside it, and the opened item's form. Words are selected with
 * the student exercise's annotator (mouse, touch, keyboard; 1-3 or Enter label them; the label
 * pen makes each mouse selection an item at once). Every
 * change is undoable and checked at once as the server will check it; a save sends the whole
 * list with the version it was edited from. Used for a class's key and for an article's key.
 */
export function KeyEditor(props: KeyEditorProps) {
  const { id, text, range, labels, shipped } = props;
  const frame = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const annotator = useRef<Annotator | null>(null);
  const {
    history,
    setHistory,
    items,
    withSource,
    problems,
    shippedById,
    commit,
    commitWith,
    setFromServer,
    status,
    setStatus,
  } = useKeyItems(props.items, shipped, { text, range, labels });
  const [savedItems, setSavedItems] = useState(props.items);
  const [version, setVersion] = useState(props.version);
  const [open, setOpen] = useState<string | null>(props.initialItem ?? null);
  // The selection waiting for a label: the menu reads it itself (a selection redraws the menu
  // alone, not the editor); "take the selection" reads it when pressed.
  const [selection] = useState(() => new PendingSelection());
  const [pen, setPen] = useState<Label | null>(null);
  const [alert, setAlert] = useState('');
  const [busy, setBusy] = useState(false);

  const addItem = (label: Label, span: TextSpan | null) => {
    if (!span) return;
    const item: EditorItem = {
      id: `class-${crypto.randomUUID()}`,
      label,
      start: span.start,
      end: span.end,
      attribute: null,
      explanation: '',
      check: null,
      record: null,
      optional: false,
      accept: [],
    };
    const same = (i: EditorItem) => sameSpan(i, item);
    if (items.some(same)) return;
    // The new item is painted in this event; the list, the form and the checks follow after
    // the frame that shows it, in a transition (as a student's label is: decision 13).
    annotator.current?.put({ id: item.id, label, start: span.start, end: span.end });
    afterNextPaint(() => {
      annotator.current?.clearPending(span);
      startTransition(() => {
        commitWith(
          (now) => (now.some(same) ? now : [...now, item]),
          `Added ${quoted(text.slice(span.start, span.end))} as ${LABEL_NAMES[label]}; write its explanation.`,
        );
        setOpen(item.id);
      });
    });
  };

  const onActivate = useEffectEvent((offset: number) => {
    const here = items.find((i) => i.start <= offset && offset < i.end);
    if (here) setOpen(here.id);
  });
  const onKeyLabel = useEffectEvent((index: number, span: TextSpan) => {
    const label = labels[index];
    if (label) addItem(label, span);
  });
  const onMenu = useEffectEvent(() => menu.current?.querySelector<HTMLButtonElement>('button')?.focus());
  // The label pen, as in the student exercise: each mouse selection becomes an item at once.
  const penInUse = useEffectEvent(() => {
    const label = pen;
    return label ? { label, release: (span: TextSpan) => addItem(label, span) } : null;
  });

  useEffect(() => {
    if (!frame.current) return;
    const a = new Annotator(frame.current, range, {
      onPending: selection.set,
      onActivate,
      onKeyLabel,
      onMenu,
      pen: penInUse,
    });
    annotator.current = a;
    return () => {
      a.destroy();
      annotator.current = null;
    };
  }, [range, selection]);

  useEffect(() => {
    annotator.current?.paint(items.map(({ id: itemId, label, start, end }) => ({ id: itemId, label, start, end })));
  }, [items]);

  const onKeyDown = (e: React.KeyboardEvent) => historyKeys(e, setHistory);

  const opened = withSource.find((i) => i.id === open) ?? null;
  const update = (itemId: string, patch: Partial<EditorItem>, message: string) =>
    commit(
      items.map((i) => (i.id === itemId ? { ...i, ...patch } : i)),
      message,
    );

  const save = async () => {
    setBusy(true);
    setAlert('');
    const list = items.map(stored);
    const result = await props.save({ baseVersion: version, items: list, note: '' });
    setBusy(false);
    if (result.ok) {
      setVersion(result.version);
      setSavedItems(items);
      setStatus(result.message);
      return;
    }
    setFromServer(serverProblems(list, result.fieldErrors));
    setAlert(result.message);
  };
  const rescore = async () => {
    if (!props.rescore) return;
    setBusy(true);
    const result = await props.rescore();
    setBusy(false);
    if (result.ok) setStatus(result.message);
    else setAlert(result.message);
  };
  const dirty = items !== savedItems;
  useLeaveGuard(dirty, 'Leave the key editor? Your changes to the key are not saved yet.');
  const errorCount = [...problems.values()].flat().filter((p) => p.severity === 'error').length;

  return (
    <div className="key-editor" onKeyDown={onKeyDown}>
      <p className="key-version">
        {`Version ${version}${dirty ? ', with changes not saved yet' : ''}. ${items.length} ${items.length === 1 ? 'item' : 'items'}.`}
      </p>
      <div className="exercise-grid">
        <div className="exercise-text">
          <LabelPen name={`${id}-pen`} labels={labels} pen={pen} onPen={setPen} />
          <div
            ref={frame}
            className="text-frame"
            tabIndex={0}
            role="region"
            aria-label={`Article text. Left and right arrows move by word, up and down by paragraph, Shift with an arrow extends, ${numberKeysPhrase(labels.length)} the selection as a new key item.`}
          >
            {props.children}
          </div>
          <LabelToolbar
            ref={menu}
            labels={labels}
            pen={pen}
            selection={selection}
            quote={(s) => text.slice(s.start, s.end)}
            onLabel={addItem}
            onCancel={() => annotator.current?.cancel()}
          />
        </div>
        <section className="exercise-side" aria-labelledby={`${id}-items`}>
          <h2 id={`${id}-items`}>Items</h2>
          <EditorActions
            canUndo={history.past.length > 0}
            canRedo={history.future.length > 0}
            dirty={dirty}
            busy={busy}
            onUndo={() => setHistory(undo)}
            onRedo={() => setHistory(redo)}
            onSave={save}
            onRescore={props.rescore ? rescore : undefined}
            onShipped={
              shipped ? () => commit(shipped, 'The whole key is back to the shipped key; save to keep it.') : undefined
            }
          />
          {errorCount > 0 && <p className="key-problem-count">{`${errorCount} problems to fix before saving.`}</p>}
          {opened && (
            <ItemForm
              key={`${opened.id}:${history.past.length}:${history.future.length}`}
              id={`${id}-form`}
              item={opened}
              quote={text.slice(opened.start, opened.end)}
              labels={labels}
              problems={problems.get(opened.id) ?? []}
              selection={selection}
              shippedDiffers={opened.source === 'edited'}
              onApply={(patch) => update(opened.id, patch, 'Item changed; save to keep it.')}
              onTakeSelection={() => {
                const pending = selection.get();
                if (!pending) return;
                update(opened.id, { start: pending.start, end: pending.end }, 'Extent changed; save to keep it.');
                annotator.current?.clearPending();
              }}
              onRestore={() => {
                const base = shippedById.get(opened.id);
                if (base) update(opened.id, stored(base), 'Item back to the shipped key; save to keep it.');
              }}
              onDelete={() => {
                commit(
                  items.filter((i) => i.id !== opened.id),
                  'Item deleted. Undo brings it back.',
                );
                setOpen(null);
                frame.current?.focus({ preventScroll: true });
              }}
              onClose={() => setOpen(null)}
            />
          )}
          <ItemList id={id} items={withSource} text={text} problems={problems} open={open} onOpen={setOpen} />
        </section>
      </div>
      <p className="sr-status" role="status">
        {status}
      </p>
      {alert && (
        <p className="form-alert" role="alert">
          {alert}
        </p>
      )}
    </div>
  );
}
