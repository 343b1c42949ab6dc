import { t } from '@minqing/plugin-three-lists';

export const NS = '@minqing/plugin-workbench';

/**
 * A title of our pages as NocoBase stores a translatable one, `{{t("My to-dos", { ns })}}`: the
 * menu, page, tab, block and popup titles render it in the user's language (src/locale).
 */
export const tt = (text: string) => t(text, NS);
