import enUS from '../../locale/en-US.json';
import zhCN from '../../locale/zh-CN.json';
import { MultipleSelectInterface, SelectInterface, type Database } from '@nocobase/database';

/** `{{t("Canteens", { ns: "@minqing/plugin-three-lists" })}}`: the i18n form of our option labels. */
const TEMPLATE = /^\{\{\s*t\(\s*("(?:[^"\\]|\\.)*")\s*,\s*\{\s*ns:\s*("(?:[^"\\]|\\.)*")\s*\}\s*\)\s*\}\}$/;

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function translateLabel(label: unknown, t?: Translate): unknown {
  if (typeof label !== 'string' || typeof t !== 'function') return label;
  const match = TEMPLATE.exec(label);
  return match ? t(JSON.parse(match[1]), { ns: JSON.parse(match[2]) }) : label;
}

/** What NocoBase's export and import pass: a context with `t`, or one that holds it. */
type Ctx = { t?: Translate; context?: { t?: Translate } } | undefined;
interface SelectOption {
  value: unknown;
  label: string;
}
type SelectFieldOptions = { uiSchema?: { enum?: SelectOption[] } } | undefined;

const translatorOf = (ctx: Ctx): Translate | undefined => ctx?.t ?? ctx?.context?.t;
const optionsOf = (options: SelectFieldOptions): SelectOption[] => options?.uiSchema?.enum ?? [];

function optionFor(options: SelectFieldOptions, text: string, t?: Translate) {
  return optionsOf(options).find(
    (item) =>
      TEMPLATE.test(item.label) &&
      (translateLabel(item.label, t) === text || JSON.parse(TEMPLATE.exec(item.label)?.[1] ?? '""') === text),
  );
}

/**
 * Select options whose labels are i18n templates (ours) come out of NocoBase's export in the
 * reader's language and are recognised by its import in either language; plain labels keep
 * NocoBase's own behaviour.
 */
class TranslatedSelectInterface extends SelectInterface {
  toString(value: unknown, ctx?: Ctx) {
    const option = optionsOf(this.options).find((item) => item.value === value);
    if (option && TEMPLATE.test(option.label)) return translateLabel(option.label, translatorOf(ctx)) as string;
    return super.toString(value, ctx);
  }

  async toValue(str: string, ctx?: Ctx) {
    const option = typeof str === 'string' ? optionFor(this.options, str, translatorOf(ctx)) : undefined;
    return option ? option.value : super.toValue(str, ctx);
  }
}

class TranslatedMultipleSelectInterface extends MultipleSelectInterface {
  toString(value: unknown, ctx?: Ctx) {
    const items = optionsOf(this.options);
    const values = Array.isArray(value) ? value : [value];
    if (!values.some((v) => TEMPLATE.test(items.find((item) => item.value === v)?.label ?? '')))
      return super.toString(value, ctx);
    return values
      .map((v) => {
        const option = items.find((item) => item.value === v);
        return option ? translateLabel(option.label, translatorOf(ctx)) : v;
      })
      .join(',');
  }

  async toValue(str: string, ctx?: Ctx) {
    const parts =
      typeof str === 'string'
        ? str
            .split(/[,，]/)
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
    const options = parts.map((part) => optionFor(this.options, part, translatorOf(ctx)));
    return parts.length && options.every(Boolean) ? options.map((o) => o?.value) : super.toValue(str, ctx);
  }
}

export function translateOptionLabels(db: Database) {
  db.interfaceManager.registerInterfaceType('select', TranslatedSelectInterface);
  db.interfaceManager.registerInterfaceType('multipleSelect', TranslatedMultipleSelectInterface);
}

/**
 * An option's label in one of our languages from this plugin's locale files, whoever asks and
 * whatever the app's i18n has loaded: for text the server writes in the bureau's language.
 */
export function optionLabelIn(options: { value: unknown; label: string }[], value: unknown, lang: 'zh-CN' | 'en-US') {
  const label = options.find((o) => o.value === value)?.label;
  if (label === undefined) return String(value);
  const messages: Record<string, string> = lang === 'zh-CN' ? zhCN : enUS;
  return messages[label] ?? label;
}
