import { z } from 'zod';

/** Front matter of a lesson in `content/lessons/NN.slug.mdx`. */
export const LessonMetaSchema = z.strictObject({
  title: z.string().min(3),
  summary: z.string().min(20),
  objectives: z.array(z.string().min(5)).min(1),
  minutes: z.number().int().min(5).max(180),
  articles: z.array(z.string().min(1)).min(1),
  order: z.number().int().min(1),
});
export type LessonMeta = z.infer<typeof LessonMetaSchema>;
