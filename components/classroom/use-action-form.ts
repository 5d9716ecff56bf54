'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState, useTransition } from 'react';
import { type DefaultValues, type FieldValues, type UseFormReturn, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/validation/action-result';
import { applyServerErrors, OFFLINE_MESSAGE } from './form-bits';

type Options<Values extends FieldValues, Ok extends object> = {
  /** The same schema the server action checks with. */
  schema: z.ZodType<Values, Values>;
  defaultValues: DefaultValues<Values>;
  /** The server action. */
  action: (values: Values) => Promise<ActionResult<Ok>>;
  /** Runs as a submission starts (e.g. clearing the last "saved" note). */
  onStart?: () => void;
  /** What an accepted submission does next. */
  onSuccess: (result: { ok: true } & Ok, values: Values, form: UseFormReturn<Values>) => void;
  /** Runs before the server's errors are shown on a refusal (e.g. clearing a password). */
  onRefused?: (form: UseFormReturn<Values>) => void;
};

/**
 * A react-hook-form form wired to a server action the way every form here works: checked in
 * the browser with the action's own schema, then sent; the server's field errors land on the
 * fields and its message in the form's alert (heard, not shown twice, when a field shows it
 * already); an unreachable server says so and keeps the input. `submitting` is true while the action runs.
 */
export function useActionForm<Values extends FieldValues, Ok extends object = object>({
  schema,
  defaultValues,
  action,
  onStart,
  onSuccess,
  onRefused,
}: Options<Values, Ok>) {
  const [message, setMessage] = useState<string | null>(null);
  // The refusal's message is also shown at one of the form's fields: the alert is then only heard.
  const [messageAtField, setMessageAtField] = useState(false);
  const [submitting, start] = useTransition();
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues });
  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    onStart?.();
    start(async () => {
      try {
        const result = await action(values);
        if (!result.ok) {
          onRefused?.(form);
          applyServerErrors(form.setError, result);
          const fields = form.getValues();
          setMessageAtField(
            Object.entries(result.fieldErrors).some(
              ([field, messages]) => Object.hasOwn(fields, field) && messages.includes(result.message),
            ),
          );
          setMessage(result.message);
          return;
        }
        onSuccess(result, values, form);
      } catch {
        setMessage(OFFLINE_MESSAGE);
      }
    });
  });
  return { form, onSubmit, message, messageAtField, submitting };
}

/**
 * The common case of useActionForm: an action that answers with a message, shown as the
 * form's confirmation (`done`) until the next submission starts.
 */
export function useMessageForm<Values extends FieldValues>(
  schema: Options<Values, { message: string }>['schema'],
  defaultValues: DefaultValues<Values>,
  action: Options<Values, { message: string }>['action'],
) {
  const [done, setDone] = useState<string | null>(null);
  const wired = useActionForm<Values, { message: string }>({
    schema,
    defaultValues,
    action,
    onStart: () => setDone(null),
    onSuccess: (result) => setDone(result.message),
  });
  return { ...wired, done };
}
