'use client';

import { useRouter } from 'next/navigation';
import type { ChangeEvent } from 'react';
import type { ActionResult } from '@/lib/validation/action-result';
import { type ImportArticle, ImportArticleSchema, MAX_IMPORT_CHARS } from '@/lib/validation/own-article-forms';
import { FormAlert, TextAreaField } from './form-bits';
import { useActionForm } from './use-action-form';

type Props = { importFile: (input: ImportArticle) => Promise<ActionResult<{ articleId: string }>> };

/** Imports an article file (an export of any article with its key) as a new article of the instructor's. */
export function ImportArticleForm({ importFile }: Props) {
  const router = useRouter();
  const { form, onSubmit, message, messageAtField, submitting } = useActionForm<ImportArticle, { articleId: string }>({
    schema: ImportArticleSchema,
    defaultValues: { file: '' },
    action: importFile,
    onSuccess: (result) => router.push(`/instructor/articles/${result.articleId}`),
  });
  const { register, formState, setValue } = form;
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setValue('file', await file.text(), { shouldValidate: true });
  };
  return (
    <form className="stack-form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="import-file-picker">Article file (.yaml)</label>
        <input id="import-file-picker" type="file" accept=".yaml,.yml,text/yaml" onChange={choose} />
      </div>
      <TextAreaField
        id="import-file"
        label="The file’s content"
        hint="Filled in from the file you choose; you can also paste it here."
        rows={6}
        maxLength={MAX_IMPORT_CHARS}
        error={formState.errors.file?.message}
        {...register('file')}
      />
      <button type="submit" disabled={submitting}>
        Import as a new article
      </button>
      <FormAlert message={message} atField={messageAtField} />
    </form>
  );
}
