/**
 * "Did you mean": the known step nearest to an undefined one, by edit
 * distance after turning quoted strings and numbers into Cucumber's
 * parameter names, so `the output shuld contain "x"` finds
 * `the output should contain {string}`.
 */
export function normaliseStepText(text: string): string {
  return text
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '{string}')
    .replace(/(?<![\w{])-?\d+(?![\w}])/g, '{int}')
    .trim();
}

export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The nearest patterns (best first), only those reasonably close. */
export function nearestSteps(text: string, patterns: readonly string[], max = 3): string[] {
  const t = normaliseStepText(text).toLowerCase();
  return patterns
    .map((p) => ({ p, d: editDistance(t, p.toLowerCase()) }))
    .filter(({ d, p }) => d <= Math.max(4, Math.floor(Math.max(t.length, p.length) * 0.4)))
    .sort((a, b) => a.d - b.d)
    .slice(0, max)
    .map(({ p }) => p);
}
