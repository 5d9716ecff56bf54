'use client';

import { FieldError, FormAlert, FormDone, TextAreaField, TextField } from '@/components/classroom/form-bits';
import { useMessageForm } from '@/components/classroom/use-action-form';
import type { ActionResult } from '@/lib/validation/action-result';
import {
  GradeOverrideSchema,
  GradingRuleSchema,
  MAX_GRADE_NOTE_CHARS,
  type GradeOverrideForm as OverrideValues,
  ReviewAnswerSchema,
  type ReviewAnswerForm as ReviewValues,
  type GradingRuleForm as RuleValues,
} from '@/lib/validation/grades';
import { MAX_COMMENT_CHARS } from '@/lib/validation/review';

type Save<V> = (input: V) => Promise<ActionResult<{ message: string }>>;

/** The assignment's grading rule: points for the labeling, points per answer marked complete. */
export function GradingRuleForm({ defaults, save }: { defaults: RuleValues; save: Save<RuleValues> }) {
  const { form, onSubmit, message, submitting, done } = useMessageForm<RuleValues>(GradingRuleSchema, defaults, save);
  const { errors } = form.formState;
  return (
    <form className="stack-form grading-rule" onSubmit={onSubmit} noValidate aria-label="Grading rule">
      <div className="field-row">
        <TextField
          id="labelPoints"
          label="Points for the labeling"
          hint="Times the combined score (F1), averaged over the exercises."
          inputMode="numeric"
          error={errors.labelPoints?.message}
          {...form.register('labelPoints')}
        />
        <TextField
          id="answerPoints"
          label="Points per written answer marked complete"
          inputMode="numeric"
          error={errors.answerPoints?.message}
          {...form.register('answerPoints')}
        />
      </div>
      <button type="submit" disabled={submitting}>
        Save the rule
      </button>
      <FormAlert message={message} />
      <FormDone message={done} />
    </form>
  );
}

/** One student's grade set by hand, with a note; blank points go back to the rule. */
export function GradeOverrideForm({
  id,
  name,
  defaults,
  save,
  possible,
}: {
  id: string;
  name: string;
  defaults: OverrideValues;
  save: Save<OverrideValues>;
  /** The points possible by the rule (0: no rule yet). */
  possible: number;
}) {
  const { form, onSubmit, message, submitting, done } = useMessageForm<OverrideValues>(
    GradeOverrideSchema,
    defaults,
    save,
  );
  const { errors } = form.formState;
  // Allowed (extra credit), but a slip of the finger is likelier: said beside the field.
  const typed = Number(form.watch('points'));
  const over = possible > 0 && typed > possible;
  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate aria-label={`Grade for ${name}`}>
      <TextField
        id={`${id}-points`}
        label={`Grade for ${name} (blank: by the rule)`}
        inputMode="decimal"
        error={errors.points?.message}
        {...form.register('points')}
      />
      {over && (
        <p className="field-hint" role="status">
          {`More than the ${possible} points possible: fine for extra credit, but check the number.`}
        </p>
      )}
      <TextField
        id={`${id}-note`}
        label="Why"
        maxLength={MAX_GRADE_NOTE_CHARS}
        error={errors.note?.message}
        {...form.register('note')}
      />
      <button type="submit" disabled={submitting}>
        Set
      </button>
      <FormAlert message={message} />
      <FormDone message={done} />
    </form>
  );
}

/** Marks one written answer complete or to revise, with a comment the student sees after release. */
export function AnswerReviewForm({
  id,
  name,
  defaults,
  save,
}: {
  id: string;
  name: string;
  defaults: Partial<ReviewValues>;
  save: Save<ReviewValues>;
}) {
  const { form, onSubmit, message, submitting, done } = useMessageForm<ReviewValues>(
    ReviewAnswerSchema,
    defaults,
    save,
  );
  const { errors } = form.formState;
  return (
    <form className="review-form" onSubmit={onSubmit} noValidate aria-label={`Review ${name}’s answer`}>
      <fieldset aria-describedby={errors.status ? `${id}-status-error` : undefined}>
        <legend>{`${name}’s answer is`}</legend>
        <label className="check">
          <input type="radio" value="complete" {...form.register('status')} /> Complete
        </label>
        <label className="check">
          <input type="radio" value="revise" {...form.register('status')} /> To revise
        </label>
        <FieldError id={`${id}-status-error`} message={errors.status?.message} />
      </fieldset>
      <TextAreaField
        id={`${id}-comment`}
        label="Comment (the student sees it once the key is released)"
        rows={2}
        maxLength={MAX_COMMENT_CHARS}
        error={errors.comment?.message}
        {...form.register('comment')}
      />
      <button type="submit" disabled={submitting}>
        Save the review
      </button>
      <FormAlert message={message} />
      <FormDone message={done} />
    </form>
  );
}
