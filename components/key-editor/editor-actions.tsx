'use client';

type Props = {
  canUndo: boolean;
  canRedo: boolean;
  dirty: boolean;
  busy: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onSave: () => void;
  /** Absent where there is no class to rescore (an article's own key). */
  onRescore?: () => void;
  /** Absent where there is no shipped key to go back to. */
  onShipped?: () => void;
};

/** The key editor's buttons: undo, redo, save, rescore, back to the shipped key. */
export function EditorActions(p: Props) {
  return (
    <div className="exercise-actions">
      <button type="button" onClick={p.onUndo} disabled={!p.canUndo}>
        Undo
      </button>
      <button type="button" onClick={p.onRedo} disabled={!p.canRedo}>
        Redo
      </button>
      <button type="button" className="primary" onClick={p.onSave} disabled={p.busy || !p.dirty}>
        {p.busy ? 'Working…' : 'Save the key'}
      </button>
      {p.onRescore && (
        <button type="button" onClick={p.onRescore} disabled={p.busy || p.dirty}>
          Rescore the class
        </button>
      )}
      {p.onShipped && (
        <button type="button" onClick={p.onShipped}>
          Back to the shipped key
        </button>
      )}
    </div>
  );
}
