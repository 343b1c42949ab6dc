import { fieldBuilders, t as tr } from '@minqing/plugin-three-lists';

export const NS = '@minqing/plugin-warm-hearts';
export const f = fieldBuilders(NS);
export const t = (text: string) => tr(text, NS);
