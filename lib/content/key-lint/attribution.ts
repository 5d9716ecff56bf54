// Word lists the rules use to read a span. They are deliberately small and visible: a key
// writer who trips a rule can read here what it looked for.

/**
 * Verbs of saying and attribution words (labeling guide §1). A span with none of these, and
 * overlapping no sourcing item, attributes nothing, so `sourcing` cannot be an accepted label
 * for it.
 */
export const ATTRIBUTION =
  /\b(said|says|say|saying|told|tells|tell|wrote|writes|write|stated|reported|reports|reportedly|according|claimed|claims|claim|alleged|allegedly|quoted|quoting|added|adding|noted|announced|declared|insisted|admitted|revealed|reveal|conceded|denied|denies|accused|urged|believe|believes|believed|explained|described|highlighted|pointed out|emphasized|read|cited|letter|report|document|source|sources|spokesman|spokesperson|audio|video|interview|tweet|statement)\b/i;

/**
 * How an explanation "says why" one quote is coded differently at another place in the same
 * article: it must draw the contrast in words. One of these cues is required.
 */
export const CONTRAST =
  /\b(unlike|whereas|in contrast|compare|compared|differs?|different|differently|instead|this time|rather than|not as)\b/i;

/**
 * How an explanation says a claim is the narration's own although the sentence holds an
 * attribution: it names the outlet's (or writer's) own voice.
 */
export const OWN_VOICE = /\b(own voice|own narration|own words|own sentence|own wording|the narration)\b/i;

/** Phrases that deny any source, which contradict the basis `named-source-only`. */
export const DENIES_SOURCE =
  /\b(no source at all|with no source|no source is given|no source given|nobody is named|no one is named|no speaker is named)\b/i;

/** A sentence: at least five words, ending in . ! or ? (closing quotes or brackets may follow). */
export const SENTENCE = /^\s*\S+(\s+\S+){4,}.*[.!?]["”’)\]]*\s*$/s;
