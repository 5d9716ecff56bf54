import { z } from 'zod';
import { BASES, LABELS, SOURCE_KINDS, VOICES } from './vocabulary';

export * from './vocabulary';

export const LabelSchema = z.enum(LABELS);
export const SourceKindSchema = z.enum(SOURCE_KINDS);
export const VoiceSchema = z.enum(VOICES);
export const BasisSchema = z.enum(BASES);
