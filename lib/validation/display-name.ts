/**
 * Display names as students type them and as a class tells them apart. Shared by the join
 * form in the browser and the server.
 */

/**
 * Characters that show nothing: controls, and format characters (zero-width space, joiners
 * at the edges, direction marks, the byte-order mark) except the zero-width joiner and
 * non-joiner between two characters, which emoji sequences and some scripts need.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const JOINERS_INSIDE = /(?<=\S)[\u200C\u200D](?=\S)/gu;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** Why a name that shows nothing is refused, wherever a name is typed. */
export const BLANK_NAME_MESSAGE = 'Use letters or numbers that can be seen: this name shows as blank.';

/** A name as it is stored: invisible characters removed, spaces collapsed, trimmed. */
export function cleanDisplayName(name: string): string {
  const kept: string[] = [];
  let last = 0;
  for (const m of name.matchAll(JOINERS_INSIDE)) {
    kept.push(name.slice(last, m.index).replace(INVISIBLE, ''), m[0]);
    last = m.index + m[0].length;
  }
  kept.push(name.slice(last).replace(INVISIBLE, ''));
  return kept.join('').replace(/\s+/g, ' ').trim();
}

/** Whether the name has at least one letter, digit, punctuation mark or symbol a person can see. */
export function hasVisibleCharacter(name: string): boolean {
  return VISIBLE.test(cleanDisplayName(name));
}

/**
 * The form of a name that two students of one class may not share: cleaned, compatibility
 * forms folded ("ｍａｙａ" is "maya") and case ignored, so "Maya R." and "maya r." are one
 * name to the teacher's eye and to the class.
 */
export function displayNameKey(name: string): string {
  return cleanDisplayName(name).normalize('NFKC').toLowerCase();
}
