import type { ArticlePart } from '@/lib/content/articles';

/** Table of contents of a long article's parts; links target the part headings. */
export function ArticleToc({ parts }: { parts: ArticlePart[] }) {
  return (
    <nav className="article-toc" aria-labelledby="toc-heading">
      <h2 id="toc-heading">Parts of this page</h2>
      <ol>
        {parts.map((part) => (
          <li key={part.start}>
            <a href={`#part-${part.start}`}>{part.title}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
