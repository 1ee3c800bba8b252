// "Did you mean" suggestions: optimal-string-alignment distance (Damerau-Levenshtein with
// adjacent transpositions), case-insensitive, with a threshold that grows with word length.

export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/** The closest candidate within a length-dependent distance, or undefined. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const limit = w.length <= 3 ? 1 : w.length <= 6 ? 2 : 3;
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    if (cl === w) return c;
    const d = editDistance(w, cl, limit);
    if (d < bestD || (d === bestD && best !== undefined && c.length < best.length)) {
      best = c;
      bestD = d;
    }
  }
  if (best !== undefined && bestD <= limit) return best;
  // A prefix the user stopped typing (`Deploy` for `Deployment`) also counts.
  for (const c of candidates) if (w.length >= 4 && c.toLowerCase().startsWith(w)) return c;
  return undefined;
}

/**
 * A typo rather than another name: `candidate` differs from `word` by case only, or by one edit
 * (two for names of ten or more characters). Stricter than `suggest`, whose loose matches
 * (prefixes, two edits in a short name) are hints, not proof that a name is wrong.
 */
export function isTypo(word: string, candidate: string): boolean {
  const w = word.toLowerCase();
  const limit = w.length >= 10 ? 2 : 1;
  return editDistance(w, candidate.toLowerCase(), limit) <= limit;
}
