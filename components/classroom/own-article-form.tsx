'use client';

import { useRouter } from 'next/navigation';
import type { ActionResult } from '@/lib/validation/action-result';
import {
  MAX_ARTICLE_CHARS,
  MAX_DATE_CHARS,
  MAX_NAME_CHARS,
  MAX_PROVENANCE_CHARS,
  MAX_TITLE_CHARS,
  MAX_URL_CHARS,
  type OwnArticleInput,
  OwnArticleSchema,
} from '@/lib/validation/own-article';
import { FormAlert, TextAreaField, TextField } from './form-bits';
import { useActionForm } from './use-action-form';

type Props = { create: (input: OwnArticleInput) => Promise<ActionResult<{ articleId: string }>> };

const EMPTY: OwnArticleInput = {
  title: '',
  outlet: '',
  author: '',
  published: '',
  sourceUrl: '',
  provenance: '',
  text: '',
};

/** Adds an article of the instructor's: its details and its text pasted as plain text. */
export function OwnArticleForm({ create }: Props) {
  const router = useRouter();
  const { form, onSubmit, message, messageAtField, submitting } = useActionForm<OwnArticleInput, { articleId: string }>(
    {
      schema: OwnArticleSchema,
      defaultValues: EMPTY,
      action: create,
      onSuccess: (result) => router.push(`/instructor/articles/${result.articleId}`),
    },
  );
  const { register, formState } = form;
  const error = (field: keyof OwnArticleInput) => formState.errors[field]?.message;
  return (
    <form className="stack-form" onSubmit={onSubmit} noValidate>
      <TextField
        id="article-title"
        label="Title"
        maxLength={MAX_TITLE_CHARS}
        error={error('title')}
        {...register('title')}
      />
      <TextField
        id="article-outlet"
        label="Outlet"
        maxLength={MAX_NAME_CHARS}
        error={error('outlet')}
        {...register('outlet')}
      />
      <TextField
        id="article-author"
        label="Author (optional)"
        maxLength={MAX_NAME_CHARS}
        error={error('author')}
        {...register('author')}
      />
      <TextField
        id="article-published"
        label="Date published"
        hint="As the outlet gives it, or “not stated”."
        maxLength={MAX_DATE_CHARS}
        error={error('published')}
        {...register('published')}
      />
      <TextField
        id="article-source"
        label="Source address"
        type="url"
        hint="The web address where you found it."
        maxLength={MAX_URL_CHARS}
        error={error('sourceUrl')}
        {...register('sourceUrl')}
      />
      <TextAreaField
        id="article-provenance"
        label="Provenance and licence"
        hint="Where the text comes from and on what terms you use it with your class."
        rows={3}
        maxLength={MAX_PROVENANCE_CHARS}
        error={error('provenance')}
        {...register('provenance')}
      />
      <TextAreaField
        id="article-text"
        label="Text"
        hint={`Paste the article as plain text, at most ${MAX_ARTICLE_CHARS.toLocaleString('en-US')} characters. Line endings become newlines and control characters are removed; nothing else changes.`}
        rows={16}
        error={error('text')}
        {...register('text')}
      />
      <button type="submit" disabled={submitting}>
        Add the article
      </button>
      <FormAlert message={message} atField={messageAtField} />
    </form>
  );
}
