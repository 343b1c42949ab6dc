export const NS = '@minqing/plugin-workbench';
