import { Link } from '@/components/layout/link';
import { LABEL_NAMES, LABELS } from '@/lib/validation/labels';

const LABEL_BLURBS = {
  sourcing: 'Who says so? The words that tell you where a piece of information comes from.',
  'loaded-language': 'Words chosen to make you feel or judge, where a neutral word would state the same fact.',
  'unverifiable-claim': 'Statements of fact that you cannot check from what the article gives you.',
} as const;

export default function HomePage() {
  return (
    <div className="page home">
      <h1>Close Read</h1>
      <p className="lede">
        Learn to read the news critically by doing it. Select words in real articles, label them, and compare your
        answers with an instructor’s key.
      </p>
      <section aria-labelledby="labels-heading">
        <h2 id="labels-heading">Three things to look for</h2>
        <dl className="label-list">
          {LABELS.map((label) => (
            <div key={label} className={`label-item label-${label}`}>
              <dt>{LABEL_NAMES[label]}</dt>
              <dd>{LABEL_BLURBS[label]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="paths-heading" className="paths">
        <h2 id="paths-heading">Where to start</h2>
        <div className="path-cards">
          <article className="card">
            <h3>On your own</h3>
            <p>Work through the lessons at your own pace. No account needed; your progress stays in this browser.</p>
            <p>
              <Link href="/lessons">Start the lessons</Link>
            </p>
          </article>
          <article className="card">
            <h3>In a class</h3>
            <p>Your teacher gives you a join code. Open the lesson your class was assigned and label the article.</p>
            <p>
              <Link href="/join">Join a class</Link>
            </p>
          </article>
          <article className="card">
            <h3>Teaching</h3>
            <p>
              Five real articles, six lessons, and answer keys with an explanation for every item. Read the articles and
              their provenance before class.
            </p>
            <p>
              <Link href="/instructor">Your classes</Link> · <Link href="/articles">Browse the articles</Link>
            </p>
          </article>
        </div>
      </section>
    </div>
  );
}
