// How a shopper's plain search (words, no operators) is read before Postgres parses it
// (search-query.ts): each word, or run of two or three words, becomes a unit that matches any of
// its alternatives: the words themselves; the words joined when the catalog writes them as one
// (t shirt is tshirt); and what the admins' synonym rules give it. Words compare ignoring case,
// accents, hyphens and spaces. A word the catalog does not contain is corrected to the nearest
// one it does (correction), a few typed letters apart.

/** Lower case, accents dropped: café is cafe. */
export const normalize = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** What a word or term is compared by: its letters and digits only, so t-shirt, T Shirt and tshirt are one. */
export const termKey = (text: string): string => normalize(text).replace(/[^\p{L}\p{N}]/gu, '');

export interface Word {
  /** As the shopper typed it (for correctedQuery). */
  raw: string;
  /** Normalised, inner hyphens kept (Postgres reads t-shirt's parts too). */
  text: string;
  key: string;
}

/** The words of a plain search; null when it uses a web search engine's operators ("phrase", or, -word), read as they are. */
export function plainWords(search: string): Word[] | null {
  if (search.includes('"')) return null;
  const raw = search.trim().split(/\s+/u).filter(Boolean);
  if (raw.some((w) => w.startsWith('-') || w.toLowerCase() === 'or')) return null;
  const words = raw
    .map((w) => ({ raw: w, text: normalize(w).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '') }))
    .filter((w) => w.text.length > 0)
    .map((w) => ({ ...w, key: termKey(w.text) }));
  return words.length > 0 ? words : null;
}

export interface SynonymRule {
  kind: 'TWO_WAY' | 'ONE_WAY';
  terms: string[];
}

/** For each term's key, the terms a search for it also looks for. */
export type SynonymIndex = ReadonlyMap<string, string[]>;

export function synonymIndex(rules: readonly SynonymRule[]): SynonymIndex {
  const index = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    if (termKey(from) === termKey(to)) return;
    const set = index.get(termKey(from)) ?? new Set<string>();
    set.add(normalize(to));
    index.set(termKey(from), set);
  };
  for (const { kind, terms } of rules) {
    const sources = kind === 'TWO_WAY' ? terms : terms.slice(0, 1);
    for (const from of sources) for (const to of terms) add(from, to);
  }
  return new Map([...index].map(([key, set]) => [key, [...set]]));
}

/** Words covered together, and the phrases any of which they match. */
export interface Unit {
  words: Word[];
  phrases: string[];
}

/** The longest run of words a synonym rule or a joined word is looked for in. */
const MAX_RUN = 3;

/**
 * The search's words as units, left to right, the longest run first: a run of two or three words
 * whose joined key is a synonym term or (two words) a word of the catalog (`isWord`) is one unit;
 * any other word is a unit of its own, with its synonyms.
 */
export function unitsOf(words: readonly Word[], synonyms: SynonymIndex, isWord: (key: string) => boolean): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < words.length; ) {
    let taken = 1;
    for (let length = Math.min(MAX_RUN, words.length - i); length >= 2; length--) {
      const run = words.slice(i, i + length);
      const key = run.map((w) => w.key).join('');
      const also = synonyms.get(key);
      if (also || (length === 2 && isWord(key))) {
        units.push({ words: run, phrases: unique([run.map((w) => w.text).join(' '), key, ...(also ?? [])]) });
        taken = length;
        break;
      }
    }
    if (taken === 1) {
      const word = words[i]!;
      units.push({ words: [word], phrases: unique([word.text, word.key, ...(synonyms.get(word.key) ?? [])]) });
    }
    i += taken;
  }
  return units;
}

/** Every phrase unitsOf may give the words' units, whatever the catalog's words: what to have Postgres parse at once. */
export function candidatePhrases(words: readonly Word[], synonyms: SynonymIndex): string[] {
  const all = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let length = 1; length <= MAX_RUN && i + length <= words.length; length++) {
      const run = words.slice(i, i + length);
      const key = run.map((w) => w.key).join('');
      for (const phrase of unique([run.map((w) => w.text).join(' '), key, ...(synonyms.get(key) ?? [])])) all.add(phrase);
    }
  }
  return [...all];
}

/** Each phrase, and its joined form when it has hyphens or spaces (the document joins hyphenated words too). */
function unique(phrases: string[]): string[] {
  const all = phrases.flatMap((p) => (termKey(p) === p ? [p] : [p, termKey(p)]));
  return [...new Set(all.filter((p) => p.length > 0))];
}

/** Edits from a to b: insertions, deletions, substitutions and swaps of neighbours (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** A word is corrected only when it is this long, and to a word at most this many edits away. */
export const correctable = (key: string): boolean => /^\p{L}{3,}$/u.test(key);
export const maxEdits = (key: string): number => (key.length <= 4 ? 1 : 2);

/** The nearest of the candidates (best first as given), within maxEdits; null when none is. */
export function correction(key: string, candidates: readonly string[]): string | null {
  let best: { word: string; distance: number } | null = null;
  for (const word of candidates) {
    const distance = editDistance(key, word);
    if (distance <= maxEdits(key) && (!best || distance < best.distance)) best = { word, distance };
  }
  return best?.word ?? null;
}
