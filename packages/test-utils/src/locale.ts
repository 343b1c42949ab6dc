/** The keys of every `{{t("…", { ns: "<ns>" })}}` template anywhere in `value` (collection definitions…). */
export function templateKeys(value: unknown, ns: string): string[] {
  const template = new RegExp(`^\\{\\{t\\("(.+)", \\{ ns: "${ns.replace(/[/\\-]/g, '\\$&')}" \\}\\)\\}\\}$`);
  const strings = (v: unknown): string[] =>
    typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];
  return [
    ...new Set(
      strings(value)
        .map((s) => template.exec(s)?.[1])
        .filter(Boolean)
        .map((k) => JSON.parse(`"${k}"`) as string),
    ),
  ];
}
