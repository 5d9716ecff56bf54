'use client';

import { Quote } from '@/components/article/quote';
import type { ItemFeedback, KeyItemFeedback } from '@/lib/scoring/types';
import type { GradedExercise, KeyItemView } from '@/lib/validation/exercise-contract';
import type { Label } from '@/lib/validation/vocabulary';
import { ATTRIBUTE_NAMES, LABEL_NAMES } from './label-meta';
import { ScoreTable } from './score-table';

type Props = {
  graded: GradedExercise;
  labels: readonly Label[];
  view: 'mine' | 'key';
  onView: (view: 'mine' | 'key') => void;
  retrying: boolean;
  askAttributes: boolean;
  quote: (span: { start: number; end: number }) => string;
};

const GROUPS = [
  { id: 'found', title: 'Found', intro: 'Key items you labeled.' },
  {
    id: 'wrong-label',
    title: 'Wrong label',
    intro: 'You marked these words, but with a label the key does not accept.',
  },
  { id: 'missed', title: 'Missed', intro: 'Key items you did not label.' },
] as const;

/** What the student left unchosen, per label, for "You did not choose …". */
const UNCHOSEN: Record<Label, string> = {
  sourcing: 'a kind of source',
  'loaded-language': 'whose words they are',
  'unverifiable-claim': 'a basis (why it cannot be checked)',
};

const FIT_NOTES = {
  'too-wide': 'Your span was much wider than the key’s: aim for the shortest words that carry the point.',
  'too-narrow': 'Your span covered less than half of the key’s.',
} as const;

/** "Sourcing", "Sourcing and Loaded language": the labels the student gave these words. */
function labelList(labels: readonly Label[]): string {
  const names = [...new Set(labels)].map((l) => LABEL_NAMES[l]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The student's own "why" notes, to read beside the key's explanation. */
function MyNotes({ notes }: { notes: readonly string[] }) {
  return notes.map((note) => (
    <p key={note} className="my-note">
      <strong>Your note:</strong> {note}
    </p>
  ));
}

function KeyEntry({
  item,
  feedback,
  mine,
  labeledAs,
  optional,
  notes = [],
}: {
  item: KeyItemView;
  feedback?: KeyItemFeedback;
  mine?: string;
  /** For a wrong label: the labels the student gave these words. */
  labeledAs?: readonly Label[];
  /** An optional item the student labeled with a label it does not accept. */
  optional?: boolean;
  /** The student's own "why" notes on the labels behind this entry, to read beside the key's. */
  notes?: readonly string[];
}) {
  return (
    <li className={`feedback-item label-${item.label}`}>
      <p>
        <span className={`chip chip-${item.label}`}>{LABEL_NAMES[item.label]}</span> <Quote words={item.quote} />
        {item.attribute && <span className="attr"> · {ATTRIBUTE_NAMES[item.attribute] ?? item.attribute}</span>}
        {optional && <span className="attr"> · optional</span>}
      </p>
      {labeledAs && labeledAs.length > 0 && (
        <p className="note">
          You labeled it {labelList(labeledAs)}
          {optional
            ? `. The key lists it as an optional ${LABEL_NAMES[item.label]} item: with that label it would cost nothing, but as ${labelList(labeledAs)} it counts against your score.`
            : `; the key says ${LABEL_NAMES[item.label]}.`}
        </p>
      )}
      {feedback?.status === 'found-accepted' && <p className="note">Found with another label the key also accepts.</p>}
      {feedback?.fit && feedback.fit !== 'good' && <p className="note">{FIT_NOTES[feedback.fit]}</p>}
      {mine !== undefined && item.attribute && mine !== item.attribute && (
        <p className="note">
          {mine === ''
            ? `You did not choose ${UNCHOSEN[item.label]}; `
            : `You chose “${ATTRIBUTE_NAMES[mine] ?? mine}”; `}
          the key says “{ATTRIBUTE_NAMES[item.attribute] ?? item.attribute}”.
        </p>
      )}
      <MyNotes notes={notes} />
      <p>{item.explanation}</p>
      {item.check && (
        <p className="check">
          <strong>How to check:</strong> {item.check}
        </p>
      )}
      {item.record && (
        <p className="record">
          <strong>What the record shows:</strong> {item.record}
        </p>
      )}
    </li>
  );
}

/** The comparison with the key: the toggle, the score table and every found, missed and extra item. */
export function Comparison({ graded, labels, view, onView, retrying, askAttributes, quote }: Props) {
  const byId = new Map(graded.key.map((k) => [k.id, k]));
  const keyFeedback = graded.result.items.filter((i): i is KeyItemFeedback => i.type === 'key');
  const extras = graded.result.items.filter((i): i is Extract<ItemFeedback, { type: 'extra' }> => i.type === 'extra');
  const optional = graded.result.items.filter(
    (i): i is Extract<ItemFeedback, { type: 'optional' }> => i.type === 'optional',
  );
  const labeledOtherwise = optional.filter((o) => o.otherwise !== undefined && o.otherwise.length > 0);
  const optionalLabeled = optional.filter((o) => o.answers.length > 0);
  const group = (id: (typeof GROUPS)[number]['id']) =>
    keyFeedback.filter((f) =>
      id === 'found' ? f.status === 'found' || f.status === 'found-accepted' : f.status === id,
    );
  const notesOf = (answers: readonly number[]) => [
    ...new Set(answers.map((i) => graded.answers[i]?.why?.trim() ?? '').filter((note) => note !== '')),
  ];
  const labelsOf = (answers: readonly number[]) =>
    answers.flatMap((i) => {
      const a = graded.answers[i];
      return a ? [a.label] : [];
    });
  const attributeOf = (f: KeyItemFeedback) =>
    askAttributes ? (graded.answers[f.answers[0] ?? -1]?.attribute ?? '') : undefined;
  return (
    <section className="comparison" aria-labelledby={`${graded.exerciseId}-result`}>
      <h3 id={`${graded.exerciseId}-result`}>
        {retrying ? 'The key from your last attempt' : 'Your labels and the key'}
      </h3>
      {!retrying && (
        <fieldset className="view-toggle">
          <legend>Show in the text</legend>
          {(['mine', 'key'] as const).map((v) => (
            <label key={v}>
              <input type="radio" name={`${graded.exerciseId}-view`} checked={view === v} onChange={() => onView(v)} />{' '}
              {v === 'mine' ? 'My labels' : 'The key'}
            </label>
          ))}
        </fieldset>
      )}
      <ScoreTable result={graded.result} labels={labels} answers={graded.answers} keyItems={graded.key} />
      {GROUPS.map((g) => {
        const entries = group(g.id);
        const otherwise = g.id === 'wrong-label' ? labeledOtherwise : [];
        return (
          <details key={g.id} open={g.id !== 'found' || entries.length < 6}>
            <summary>
              {g.title} ({entries.length + otherwise.length})
            </summary>
            <p className="intro">{g.intro}</p>
            <ul className="feedback-list">
              {entries.map((f) => {
                const item = byId.get(f.id);
                return item ? (
                  <KeyEntry
                    key={f.id}
                    item={item}
                    feedback={f}
                    mine={f.status === 'found' ? attributeOf(f) : undefined}
                    labeledAs={f.status === 'wrong-label' ? labelsOf(f.answers) : undefined}
                    notes={notesOf(f.answers)}
                  />
                ) : null;
              })}
              {otherwise.map((o) => {
                const item = byId.get(o.id);
                return item ? (
                  <KeyEntry
                    key={o.id}
                    item={item}
                    labeledAs={labelsOf(o.otherwise ?? [])}
                    optional
                    notes={notesOf(o.otherwise ?? [])}
                  />
                ) : null;
              })}
            </ul>
          </details>
        );
      })}
      <details open>
        <summary>Extra ({extras.length})</summary>
        <p className="intro">
          Your labels that match nothing in the key. Read them again: is there a reason the key leaves them out?
        </p>
        <ul className="feedback-list">
          {extras.map((x) => (
            <li key={x.answer} className={`feedback-item label-${x.label}`}>
              <span className={`chip chip-${x.label}`}>{LABEL_NAMES[x.label]}</span> <Quote words={quote(x)} />
              <MyNotes notes={notesOf([x.answer])} />
            </li>
          ))}
        </ul>
      </details>
      {optionalLabeled.length > 0 && (
        <details>
          <summary>Optional items you labeled ({optionalLabeled.length})</summary>
          <p className="intro">
            Repeats and borderline cases: labeling them is not an error, missing them costs nothing.
          </p>
          <ul className="feedback-list">
            {optionalLabeled.map((o) => {
              const item = byId.get(o.id);
              return item ? <KeyEntry key={o.id} item={item} notes={notesOf(o.answers)} /> : null;
            })}
          </ul>
        </details>
      )}
    </section>
  );
}
