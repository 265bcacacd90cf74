/**
 * `$NAME` and `${NAME}` in Then steps and in `Given the file` doc strings are
 * replaced by scenario variables that are set, and stay as written
 * otherwise; `\$` stands for a literal `$` (STEPS.md, "Variables").
 */
export function expandVariables(text: string, lookup: (name: string) => string | undefined): string {
  return text.replace(/\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced?: string, bare?: string) => {
    if (whole === '\\$') return '$';
    const value = lookup((braced ?? bare)!);
    return value ?? whole;
  });
}
