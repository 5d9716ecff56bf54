import 'server-only';
import type { Actor } from './actor';

/** A signed-in student. */
export type StudentActor = Extract<Actor, { kind: 'student' }>;
