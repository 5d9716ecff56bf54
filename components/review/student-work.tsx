import { Quote } from '@/components/article/quote';
import { ATTRIBUTE_NAMES } from '@/components/exercise/label-meta';
import { FiguresTable } from '@/components/figures/figures-table';
import { quoted } from '@/lib/quote-marks';
import { ATTRIBUTE_OF, LABEL_NAMES, type Label } from '@/lib/validation/labels';
import { type CommentViewModel, type Figures, type LabelScore, percent, type ScoreResult } from './types';

type KeyItem = {
  id: string;
  label: Label;
  start: number;
  end: number;
  quote: string;
  optional: boolean;
  source: 'file' | 'edited' | 'class';
  attribute: string | null;
};
type Span = { label: Label; start: number; end: number; attribute?: string };

const STATUS_TEXT = {
  found: 'found',
  'found-accepted': 'found with another acceptable label',
  'wrong-label': 'labeled otherwise',
  missed: 'missed',
} as const;

/** A row of one student's figures: a label's, with the counts behind them, or the overall ones (no counts). */
type StudentRow = { figures: Figures | undefined; counts: LabelScore | undefined; overall: boolean };
const count = (r: StudentRow, n: 'found' | 'missed' | 'extra') => (r.overall ? '' : (r.counts?.[n] ?? 0));

const STUDENT_COLUMNS = [
  { header: 'Precision', numeric: true, cell: (r: StudentRow) => percent(r.figures?.precision) },
  { header: 'Recall', numeric: true, cell: (r: StudentRow) => percent(r.figures?.recall) },
  { header: 'F1', numeric: true, cell: (r: StudentRow) => percent(r.figures?.f1) },
  { header: 'Found', numeric: true, cell: (r: StudentRow) => count(r, 'found') },
  { header: 'Missed', numeric: true, cell: (r: StudentRow) => count(r, 'missed') },
  { header: 'Extra', numeric: true, cell: (r: StudentRow) => count(r, 'extra') },
];

/** One student's figures per label with the counts behind them. */
export function StudentFigures({ result, labels }: { result: ScoreResult; labels: Label[] }) {
  return (
    <FiguresTable
      caption="Figures against this class’s key"
      className="averages"
      region="Figures by label"
      columns={STUDENT_COLUMNS}
      rows={labels.map((l) => {
        const s = result.perLabel[l];
        return { key: l, heading: LABEL_NAMES[l], value: { figures: s, counts: s, overall: false } };
      })}
      total={{
        key: 'overall',
        heading: 'Overall',
        value: { figures: result.overall, counts: undefined, overall: true },
      }}
    />
  );
}

/** The student's choice of kind, voice or basis for a found item beside the key's. */
function attributeLine(label: Label, key: string, spans: (Span | undefined)[]): string {
  const chosen = spans.find((a) => a?.label === label && a.attribute !== undefined)?.attribute;
  const word = ATTRIBUTE_OF[label];
  const keyName = ATTRIBUTE_NAMES[key] ?? key;
  if (!chosen) return `(${word}: none chosen; the key’s: ${keyName})`;
  const verdict = chosen === key ? 'as the key has it' : `the key’s: ${keyName}`;
  return `(${word} chosen: ${ATTRIBUTE_NAMES[chosen] ?? chosen}; ${verdict})`;
}

/** The key's items with what the student did on each, then the student's extras. */
export function StudentComparison({
  result,
  keyItems,
  answers,
  text,
}: {
  result: ScoreResult;
  keyItems: KeyItem[];
  answers: Span[];
  text: string;
}) {
  const byId = new Map(keyItems.map((k) => [k.id, k]));
  return (
    <div className="student-comparison">
      <h3>Key items</h3>
      <ul>
        {result.items.map((f) => {
          if (f.type === 'extra') return null;
          const item = byId.get(f.id);
          const status =
            f.type === 'key'
              ? STATUS_TEXT[f.status]
              : f.answers.length > 0
                ? 'optional, labeled'
                : 'optional, labeled otherwise';
          const given = f.type === 'optional' ? [...f.answers, ...(f.otherwise ?? [])] : f.answers;
          return (
            <li key={f.id} className={`cmp cmp-${f.type === 'key' ? f.status : 'optional'}`}>
              <strong>{`${status}:`}</strong>{' '}
              {`${quoted(item?.quote ?? text.slice(f.start, f.end))} (${LABEL_NAMES[f.label]}${item?.source === 'class' ? ', class addition' : item?.source === 'edited' ? ', edited for this class' : ''})`}
              {given.length > 0 && (
                <span className="cmp-answers">
                  {' — student labeled '}
                  {given
                    .map((i) => answers[i])
                    .filter((a) => a !== undefined)
                    .map((a) => `${quoted(text.slice(a.start, a.end))} as ${LABEL_NAMES[a.label]}`)
                    .join('; ')}
                </span>
              )}
              {f.type === 'key' && f.status === 'found' && item?.attribute && (
                <span className="cmp-attribute">{` ${attributeLine(
                  f.label,
                  item.attribute,
                  f.answers.map((i) => answers[i]),
                )}`}</span>
              )}
            </li>
          );
        })}
      </ul>
      <h3>Extras</h3>
      {result.items.some((f) => f.type === 'extra') ? (
        <ul>
          {result.items.map((f) =>
            f.type === 'extra' ? (
              <li key={`extra-${f.answer}`} className="cmp cmp-extra">
                <strong>extra:</strong> {`${quoted(text.slice(f.start, f.end))} (${LABEL_NAMES[f.label]})`}
              </li>
            ) : null,
          )}
        </ul>
      ) : (
        <p>None: every label overlaps the key.</p>
      )}
    </div>
  );
}

/** The comments already made, for the instructor. */
export function CommentList({ comments }: { comments: CommentViewModel[] }) {
  if (comments.length === 0) return <p>No comments yet.</p>;
  return (
    <ul className="comment-list">
      {comments.map((c) => (
        <li key={c.id}>
          {c.quote !== null ? <Quote words={c.quote} /> : <em>Whole submission</em>}: {c.body}
        </li>
      ))}
    </ul>
  );
}
