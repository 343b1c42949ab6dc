import type { Tracking } from '../server/answers';
import { call } from './api';
import { h, pill, replace } from './dom';
import { boot, formatDay, labelled, STATUS_TONES, statusText, stepText, t } from './i18n';
import { forgetReport, myReports } from './my-reports';

/**
 * 进度查询: the reports sent from this phone, each one tap away; or a code typed once. Shows
 * where it stands and, once done, the evaluation link.
 */
export function trackTab(initialCode: string | undefined, onCode: (code: string) => void): HTMLElement {
  const result = h('div', { 'aria-live': 'polite' });
  const mine = h('div', null);
  const code = h('input', {
    id: 'mq-track-input',
    className: 'mq-input',
    type: 'text',
    inputmode: 'text',
    autocapitalize: 'characters',
    autocomplete: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
    placeholder: 'JS-XXXX-XXXX-XXXX',
    value: initialCode ?? '',
    'data-testid': 'mq-track-code',
  });

  const show = (data: Tracking) => {
    const steps = data.progress.filter((p) => p.step !== 'reopened' || p.at);
    replace(
      result,
      h(
        'article',
        { className: 'mq-card', 'data-testid': 'mq-track-result' },
        h('div', { className: 'mq-row mq-between' }, h('h3', { style: { margin: '0' } }, data.trackingCode), pill(statusText(data.status), STATUS_TONES[data.status])),
        h(
          'ol',
          { className: 'mq-steps', 'aria-label': t('Where it stands') },
          steps.map((p) =>
            h('li', { className: p.at ? 'mq-done' : '' }, stepText(p.step), p.at ? h('span', { className: 'mq-muted' }, ` · ${formatDay(p.at)}`) : null),
          ),
        ),
        data.unit ? h('p', { style: { margin: '4px 0' } }, labelled(t('Unit'), data.unit.name)) : null,
        data.deadline ? h('p', { style: { margin: '4px 0' } }, labelled(t('Promised by'), data.deadline)) : null,
        data.reply
          ? h('div', { className: 'mq-alert' }, h('strong', null, labelled(t('Reply'), '')), h('span', { className: 'mq-pre', 'data-testid': 'mq-track-reply' }, data.reply))
          : null,
        data.evaluation?.state === 'open'
          ? h('a', { className: 'mq-btn mq-primary mq-block', href: `${boot().pagePath}/evaluate/${encodeURIComponent(data.evaluation.token)}?lang=${boot().lang}`, 'data-testid': 'mq-go-evaluate' }, t('Evaluate how it was handled'))
          : null,
        data.evaluation?.state === 'used' ? h('div', { className: 'mq-alert mq-alert-ok' }, t('Thank you: you have evaluated it')) : null,
        data.evaluation?.state === 'expired' ? h('div', { className: 'mq-alert' }, t('This evaluation link has expired')) : null,
      ),
    );
  };

  const track = async (value: string) => {
    const wanted = value.trim().toUpperCase();
    if (!wanted) return code.focus();
    code.value = wanted;
    onCode(wanted);
    replace(result, h('p', { className: 'mq-muted' }, t('Loading…')));
    try {
      show(await call<Tracking>('track', { params: { code: wanted } }));
    } catch (e) {
      replace(result, h('div', { className: 'mq-alert mq-alert-error', role: 'alert' }, (e as Error).message));
    }
  };

  const drawMine = () => {
    const list = myReports();
    replace(
      mine,
      list.length
        ? h(
            'div',
            { className: 'mq-card' },
            h('h3', null, t('Your reports from this phone')),
            h('p', { className: 'mq-muted', style: { margin: '0 0 8px' } }, t('Tap one to see where it stands')),
            h(
              'div',
              { className: 'mq-mine', 'data-testid': 'mq-my-reports' },
              list.map((r) =>
                h(
                  'div',
                  { className: 'mq-row', style: { flexWrap: 'nowrap' } },
                  h(
                    'button',
                    { type: 'button', className: 'mq-btn', style: { flex: '1', minWidth: '0', flexDirection: 'column', alignItems: 'flex-start' }, 'data-testid': 'mq-my-report', onclick: () => track(r.code) },
                    h('strong', null, r.code),
                    h('span', { className: 'mq-muted' }, `${formatDay(r.at)} · ${r.about}`),
                  ),
                  h('button', { type: 'button', className: 'mq-link', 'aria-label': t('Remove {{code}} from this phone', { code: r.code }), onclick: () => (forgetReport(r.code), drawMine()) }, '×'),
                ),
              ),
            ),
          )
        : null,
    );
  };
  drawMine();
  if (initialCode) void track(initialCode);

  return h(
    'section',
    null,
    mine,
    h(
      'form',
      { className: 'mq-card', onsubmit: (e: Event) => (e.preventDefault(), code.blur(), void track(code.value)) },
      h('label', { for: 'mq-track-input', className: 'mq-label' }, t('Enter your tracking code')),
      h('div', { className: 'mq-search' }, code, h('button', { type: 'submit', className: 'mq-btn mq-primary' }, t('Track'))),
    ),
    result,
  );
}
