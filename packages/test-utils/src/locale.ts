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

/**
 * A title as a user of `lang` reads it: a `{{t("…", { ns })}}` template looked up in that plugin's
 * src/locale (the key itself when missing), any other string as it is.
 */
export function titleIn(lang: 'zh-CN' | 'en-US', title: string): string {
  const m = /^\{\{t\("(.+)", \{ ns: "(@minqing\/plugin-[a-z-]+)" \}\)\}\}$/.exec(title ?? '');
  if (!m) return title;
  const key = JSON.parse(`"${m[1]}"`) as string;
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const messages = require(`../../../plugins/${m[2]}/src/locale/${lang}.json`) as Record<string, string>;
  return messages[key] ?? key;
}
