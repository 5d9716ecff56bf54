import { ATTRIBUTE_NAMES } from '@/components/exercise/label-meta';
import { ATTRIBUTE_OF, LABEL_NAMES, type Label } from '@/lib/validation/labels';
import { type CommentViewModel, percent, type ScoreResult } from './types';

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

/** One student's figures per label with the counts behind them. */
export function StudentFigures({ result, labels }: { result: ScoreResult; labels: Label[] }) {
  return (
    <table className="averages">
      <caption>Figures against this class’s key</caption>
      <thead>
        <tr>
          <th scope="col">Label</th>
          <th scope="col">Precision</th>
          <th scope="col">Recall</th>
          <th scope="col">F1</th>
          <th scope="col">Found</th>
          <th scope="col">Missed</th>
          <th scope="col">Extra</th>
        </tr>
      </thead>
      <tbody>
        {labels.map((l) => {
          const s = result.perLabel[l];
          return (
            <tr key={l}>
              <th scope="row">{LABEL_NAMES[l]}</th>
              <td className="num">{percent(s?.precision)}</td>
              <td className="num">{percent(s?.recall)}</td>
              <td className="num">{percent(s?.f1)}</td>
              <td className="num">{s?.found ?? 0}</td>
              <td className="num">{s?.missed ?? 0}</td>
              <td className="num">{s?.extra ?? 0}</td>
            </tr>
          );
        })}
        <tr>
          <th scope="row">Overall</th>
          <td className="num">{percent(result.overall.precision)}</td>
          <td className="num">{percent(result.overall.recall)}</td>
          <td className="num">{percent(result.overall.f1)}</td>
          <td colSpan={3} />
        </tr>
      </tbody>
    </table>
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
          const status = f.type === 'key' ? STATUS_TEXT[f.status] : 'optional, labeled';
          return (
            <li key={f.id} className={`cmp cmp-${f.type === 'key' ? f.status : 'optional'}`}>
              <strong>{`${status}:`}</strong>{' '}
              {`“${item?.quote ?? text.slice(f.start, f.end)}” (${LABEL_NAMES[f.label]}${item?.source === 'class' ? ', class addition' : item?.source === 'edited' ? ', edited for this class' : ''})`}
              {f.answers.length > 0 && (
                <span className="cmp-answers">
                  {' — student labeled '}
                  {f.answers
                    .map((i) => answers[i])
                    .filter((a) => a !== undefined)
                    .map((a) => `“${text.slice(a.start, a.end)}” as ${LABEL_NAMES[a.label]}`)
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
                <strong>extra:</strong> {`“${text.slice(f.start, f.end)}” (${LABEL_NAMES[f.label]})`}
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
          {c.quote !== null ? <q>{c.quote}</q> : <em>Whole submission</em>}: {c.body}
        </li>
      ))}
    </ul>
  );
}
