import type { ItemProblem } from '@/lib/content/key-lint/class-key';
import type { ClassKeyItemInput } from '@/lib/validation/class-key';
import type { Label } from '@/lib/validation/vocabulary';

/** An item in the editor: as stored, plus where it came from when the page knows. */
export type EditorItem = ClassKeyItemInput & { source?: 'file' | 'edited' | 'class' };

/** What a save sends: the whole list and the version it was edited from. */
export type SaveKeyInput = { baseVersion: number; items: ClassKeyItemInput[]; note: string };

/** A save's answer; `conflict` when another save came first (reload to see it). */
export type SaveKeyResult =
  | { ok: true; version: number; message: string }
  | { ok: false; message: string; fieldErrors: Record<string, string[]>; conflict?: boolean };

/** A rescoring's answer, in words. */
export type RescoreResult = { ok: true; message: string } | { ok: false; message: string };

export type KeyEditorProps = {
  /** Unique on the page: prefixes element ids. */
  id: string;
  /** The article's normalized text; offsets point into it. */
  text: string;
  /** The part of the text in play. */
  range: { start: number; end: number };
  labels: Label[];
  items: EditorItem[];
  /** The base (shipped) key, for "back to the shipped key"; absent when there is none. */
  shipped?: EditorItem[];
  version: number;
  save: (input: SaveKeyInput) => Promise<SaveKeyResult>;
  rescore?: () => Promise<RescoreResult>;
  /** The item to open first (the page's `?item=`). */
  initialItem?: string;
  /** The article as server-rendered paragraphs (components/article/article-text.tsx). */
  children: React.ReactNode;
};

export type Problems = Map<string, ItemProblem[]>;
