import { wordsFrom } from '@minqing/plugin-three-lists';
import enUS from '../../locale/en-US.json';
import zhCN from '../../locale/zh-CN.json';

export { languagesOf, systemLanguage, type Lang, type Words } from '@minqing/plugin-three-lists';

/** This plugin's strings in one of our languages (src/locale). */
export const wordsIn = wordsFrom({ 'zh-CN': zhCN, 'en-US': enUS });
