import type { Label } from '@/lib/validation/labels';

/** How to label with mouse, touch and keyboard: the help under every labeling exercise. */
export function HowToLabel({ id, labels }: { id: string; labels: readonly Label[] }) {
  return (
    <details className="how-to" id={`${id}-help`}>
      <summary>How to label</summary>
      <ul>
        <li>Mouse or touch: select words in the text, then pick a label. Selections widen to whole words.</li>
        <li>
          Many labels of one kind? Under “Label each mouse selection”, choose that label: every selection you make with
          the mouse then gets it as soon as you let go, with no menu.
        </li>
        <li>
          Keyboard: move into the text with Tab. <kbd>→</kbd> and <kbd>←</kbd> move by word, <kbd>↓</kbd> and{' '}
          <kbd>↑</kbd> by paragraph, <kbd>Home</kbd> and <kbd>End</kbd> to the first and last word. Hold{' '}
          <kbd>Shift</kbd> to extend: <kbd>Shift</kbd>+<kbd>→</kbd> by a word, <kbd>Shift</kbd>+<kbd>↓</kbd> to the end
          of the sentence. After a label, the arrows go on from it. Press{' '}
          {labels.length === 1 ? (
            <kbd>1</kbd>
          ) : (
            <>
              <kbd>1</kbd>–<kbd>{labels.length}</kbd>
            </>
          )}{' '}
          to label, or <kbd>Enter</kbd> for the label menu. <kbd>Esc</kbd> cancels.
        </li>
        <li>
          Click a labeled word to find it in your list (on a touch screen, a tap marks it there without leaving the
          text). In the list, press a label’s choice (its label, or its kind, voice or basis) to change it.{' '}
          <kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes, <kbd>Ctrl</kbd>+<kbd>Y</kbd> redoes. Your labels are saved in this
          browser as you go.
        </li>
      </ul>
    </details>
  );
}
