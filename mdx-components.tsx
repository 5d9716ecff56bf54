import type { MDXComponents } from 'mdx/types';
import { ArticleExcerpt } from '@/components/lesson/article-excerpt';
import { Callout } from '@/components/lesson/callout';

const components: MDXComponents = {
  ArticleExcerpt,
  Callout,
};

/** Components every lesson can use without importing them. */
export function useMDXComponents(inherited: MDXComponents = {}): MDXComponents {
  return { ...inherited, ...components };
}
