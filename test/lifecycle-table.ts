// What a lifecycle's table test walks: every ordered pair of its states (self-pairs included),
// marked legal when the table lists it.

export function everyPair<S extends string>(states: readonly S[], legal: readonly `${S}->${S}`[]): [from: S, to: S, legal: boolean][] {
  const allowed = new Set<string>(legal);
  return states.flatMap((from) => states.map((to): [S, S, boolean] => [from, to, allowed.has(`${from}->${to}`)]));
}
