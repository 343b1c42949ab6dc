import type { EvaluationCheck } from '../server/answers';
import { call } from './api';
import { h, replace } from './dom';
import { formatDay, t } from './i18n';

/** GB/T 39735's five levels, 1 = 非常不满意 … 5 = 非常满意 */
export const LEVELS = ['Very dissatisfied', 'Dissatisfied', 'Basically satisfied', 'Satisfied', 'Very satisfied'];
export const KINDS = ['parent', 'student', 'teacher', 'other'];

/** /minqing/public/evaluate/<token>: one evaluation per link. */
export function evaluatePage(token: string): HTMLElement {
  const el = h('section', null, h('p', { className: 'mq-muted' }, t('Loading…')));
  const refused = (message: string) =>
    replace(el, h('div', { className: 'mq-card', 'data-testid': 'mq-evaluate-refused', role: 'alert' }, h('h2', null, message)));

  const form = (check: EvaluationCheck) => {
    let score = 0;
    const scoreError = h('div', { className: 'mq-error', hidden: true, role: 'alert' });
    const levelText = h('div', { className: 'mq-muted', style: { minHeight: '22px' } });
    const stars = LEVELS.map((level, i) =>
      h('button', { type: 'button', role: 'radio', 'aria-checked': 'false', 'aria-label': `${i + 1} · ${t(level)}`, className: 'mq-star', 'data-testid': 'mq-evaluate-star', onclick: () => choose(i + 1) }, '★'),
    );
    const choose = (n: number) => {
      score = n;
      stars.forEach((s, i) => {
        s.classList.toggle('mq-on', i < n);
        s.setAttribute('aria-checked', String(i + 1 === n));
      });
      levelText.textContent = t(LEVELS[n - 1]);
      scoreError.hidden = true;
    };
    const kinds = h(
      'div',
      { className: 'mq-choices', role: 'radiogroup', 'aria-label': t('You are') },
      KINDS.map((kind) => h('label', null, h('input', { type: 'radio', name: 'evaluatorKind', value: kind, checked: kind === 'parent' }), t(`evaluator.${kind}`))),
    );
    const comment = h('textarea', { id: 'mq-comment', className: 'mq-input', maxlength: 500, rows: 3, 'data-testid': 'mq-evaluate-comment' });
    const error = h('div', { className: 'mq-alert mq-alert-error', hidden: true, role: 'alert' });
    const submit = h('button', { type: 'submit', className: 'mq-btn mq-primary mq-block', 'data-testid': 'mq-evaluate-submit' }, t('Submit evaluation'));
    return h(
      'form',
      {
        className: 'mq-card',
        'data-testid': 'mq-evaluate-form',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          if (!score) {
            scoreError.textContent = t('Please choose one of the five levels, 1 to 5');
            scoreError.hidden = false;
            return;
          }
          submit.disabled = true;
          error.hidden = true;
          try {
            const evaluatorKind = (kinds.querySelector('input:checked') as HTMLInputElement | null)?.value ?? 'parent';
            await call('evaluate', { body: { token, score, evaluatorKind, comment: comment.value.trim() || undefined } });
            replace(el, h('div', { className: 'mq-card', 'data-testid': 'mq-evaluate-done', role: 'status' }, h('h2', null, `✓ ${t('Thank you for your evaluation')}`)));
          } catch (err) {
            error.textContent = (err as Error).message;
            error.hidden = false;
            submit.disabled = false;
          }
        },
      },
      h('h2', null, t('How was your report handled?')),
      h('p', null, t('Report {{code}}, done on {{day}}', { code: check.trackingCode ?? '', day: formatDay(check.doneAt) })),
      check.reply ? h('div', { className: 'mq-alert mq-pre' }, check.reply) : null,
      h('div', { className: 'mq-field' }, h('span', { className: 'mq-label' }, t('Your rating')), h('div', { className: 'mq-stars', role: 'radiogroup', 'aria-label': t('Your rating') }, stars), levelText, scoreError),
      h('div', { className: 'mq-field' }, h('span', { className: 'mq-label' }, t('You are')), kinds),
      h('div', { className: 'mq-field' }, h('label', { for: 'mq-comment' }, t('Comment (optional)')), comment),
      error,
      submit,
    );
  };

  void call<EvaluationCheck>('evaluation', { params: { token } })
    .then((check) => replace(el, form(check)))
    .catch((e) => refused((e as Error).message));
  return el;
}
