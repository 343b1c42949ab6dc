import { call } from './api';
import { h, replace } from './dom';
import { t } from './i18n';

/**
 * A school or unit, searched by name on the server (a province has tens of thousands): type a
 * few characters, tap one of the names. Answers the element and the chosen unit's id.
 */
export function unitSearch(options: { id: string; placeholder: string; testId: string; onChange?: (id?: number) => void }) {
  let chosen: { id: number; name: string } | undefined;
  let asked = 0;
  const list = h('ul', { className: 'mq-options', hidden: true, role: 'listbox', 'data-testid': `${options.testId}-options` });
  const input = h('input', {
    id: options.id,
    className: 'mq-input',
    type: 'search',
    enterkeyhint: 'search',
    autocomplete: 'off',
    placeholder: options.placeholder,
    'data-testid': options.testId,
    role: 'combobox',
    'aria-expanded': 'false',
  });
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };
  const choose = (unit?: { id: number; name: string }) => {
    chosen = unit;
    input.value = unit?.name ?? '';
    close();
    options.onChange?.(unit?.id);
  };
  const search = async () => {
    const ask = ++asked;
    const q = input.value.trim();
    let units: { id: number; name: string }[] = [];
    try {
      units = await call<{ id: number; name: string }[]>('units', { params: { q } });
    } catch {
      units = [];
    }
    if (ask !== asked) return; // an older answer arriving late
    replace(
      list,
      units.length
        ? units.map((u) =>
            h('li', { role: 'option' }, h('button', { type: 'button', title: u.name, onclick: () => choose(u) }, u.name)),
          )
        : h('li', { className: 'mq-muted', style: { padding: '10px 12px' } }, t('No unit found')),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  let timer: number | undefined;
  input.addEventListener('input', () => {
    if (chosen && input.value !== chosen.name) {
      chosen = undefined;
      options.onChange?.(undefined);
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(search, 250);
  });
  input.addEventListener('focus', () => {
    if (!chosen) void search();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  document.addEventListener('click', (e) => {
    if (!el.contains(e.target as Node)) close();
  });
  const el = h('div', { style: { position: 'relative' } }, input, list);
  return { el, value: () => chosen?.id, clear: () => choose(undefined) };
}
