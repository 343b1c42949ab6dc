import type { SimilarReports, Submitted } from '../server/answers';
import { call } from './api';
import { h, replace } from './dom';
import { boot, statusText, t } from './i18n';
import { rememberReport } from './my-reports';
import { photoPicker } from './photos';
import { unitSearch } from './unit-search';

const MAX_PHOTOS = 3;

const field = (id: string, label: string, control: HTMLElement, hint?: HTMLElement | null) =>
  h('div', { className: 'mq-field' }, h('label', { for: id }, label), control, hint ?? null);

/** 我要反映: one required field (what happened); the rest optional; the code kept on this phone. */
export function reportTab(onTrack: (code: string) => void): HTMLElement {
  const el = h('section', null);
  let sameAs: { code: string; title: string } | undefined;

  const description = h('textarea', {
    id: 'mq-description',
    className: 'mq-input',
    maxlength: 2000,
    rows: 5,
    required: true,
    placeholder: t('Where, when, what: the more precise, the faster it is handled'),
    'aria-describedby': 'mq-description-error',
    'data-testid': 'mq-report-description',
  });
  const descriptionError = h('div', { id: 'mq-description-error', className: 'mq-error', hidden: true });
  const counter = h('div', { className: 'mq-muted', style: { textAlign: 'right' } }, '0 / 2000');
  const category = h(
    'select',
    { id: 'mq-category', className: 'mq-input', 'data-testid': 'mq-report-category' },
    boot().options.categories.map((c) => h('option', { value: c.value, selected: c.value === 'other' }, c.label)),
  );
  const similarBox = h('div', null);
  const unit = unitSearch({ id: 'mq-unit', placeholder: t('Search by name'), testId: 'mq-report-unit', onChange: () => void lookSimilar() });
  const photos = photoPicker(MAX_PHOTOS);
  const input = (id: string, attrs: Record<string, unknown>) => h('input', { id, className: 'mq-input', ...attrs });
  const name = input('mq-contact-name', { type: 'text', maxlength: 50, autocomplete: 'name' });
  const phone = input('mq-contact-phone', { type: 'tel', inputmode: 'tel', maxlength: 20, autocomplete: 'tel', pattern: '[0-9+()\\- ]{5,20}' });
  const email = input('mq-contact-email', { type: 'email', inputmode: 'email', maxlength: 100, autocomplete: 'email', autocapitalize: 'off', spellcheck: 'false' });
  const error = h('div', { className: 'mq-alert mq-alert-error', role: 'alert', hidden: true, 'data-testid': 'mq-report-error' });
  const submit = h('button', { type: 'submit', className: 'mq-btn mq-primary mq-block', 'data-testid': 'mq-report-submit' }, t('Submit'));

  const validDescription = () => {
    const ok = description.value.trim().length >= 5;
    descriptionError.textContent = ok ? '' : t('Please describe the problem (at least 5 characters)');
    descriptionError.hidden = ok;
    description.classList.toggle('mq-invalid', !ok);
    description.setAttribute('aria-invalid', String(!ok));
    return ok;
  };
  description.addEventListener('input', () => {
    counter.textContent = `${description.value.length} / 2000`;
    if (!descriptionError.hidden) validDescription();
  });
  description.addEventListener('blur', () => {
    if (description.value) validDescription();
    void lookSimilar();
  });
  category.addEventListener('change', () => void lookSimilar());

  // "others reported this — follow it instead?": asked once the text is written and the unit chosen
  const drawSimilar = (similar?: SimilarReports) => {
    if (sameAs) {
      const following = sameAs;
      return replace(
        similarBox,
        h(
          'div',
          { className: 'mq-alert mq-alert-ok', 'data-testid': 'mq-report-following' },
          h('strong', null, t('You follow: {{title}}', { title: following.title })),
          h('p', { style: { margin: '4px 0' } }, t('Your report is added to this problem; you are told what happens to it')),
          h('button', { type: 'button', className: 'mq-btn', onclick: () => ((sameAs = undefined), drawSimilar()) }, t('Report it separately')),
        ),
      );
    }
    if (!similar || (!similar.published.length && !similar.others)) return replace(similarBox);
    replace(
      similarBox,
      h(
        'div',
        { className: 'mq-alert', 'data-testid': 'mq-report-similar' },
        h('strong', null, t('Others reported something like this')),
        similar.published.map((p) =>
          h(
            'div',
            { className: 'mq-row mq-between', style: { margin: '6px 0' } },
            h('span', null, `${p.title} · ${statusText(p.status)}`),
            h('button', { type: 'button', className: 'mq-btn', onclick: () => ((sameAs = { code: p.code, title: p.title }), drawSimilar()) }, t('Follow it instead')),
          ),
        ),
        similar.others ? h('p', { className: 'mq-muted', style: { margin: '0' } }, t('{{count}} similar reports at this unit are being handled', { count: similar.others })) : null,
      ),
    );
  };
  const lookSimilar = async () => {
    const text = description.value.trim();
    if (!unit.value() || text.length < 5) return drawSimilar();
    try {
      drawSimilar(await call<SimilarReports>('similar', { params: { description: text, unitId: unit.value(), category: category.value } }));
    } catch {
      drawSimilar(); // a hint, never in the way of the report
    }
  };

  const received = (done: Submitted) => {
    rememberReport({ code: done.trackingCode, at: new Date().toISOString(), about: description.value.trim().slice(0, 40) });
    const copy = h('button', { type: 'button', className: 'mq-btn' }, t('Copy'));
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(done.trackingCode);
        copy.textContent = t('Copied');
      } catch {
        window.getSelection()?.selectAllChildren(code);
      }
    });
    const code = h('div', { className: 'mq-code', 'data-testid': 'mq-tracking-code' }, done.trackingCode);
    replace(
      el,
      h(
        'div',
        { className: 'mq-card', role: 'status' },
        h('h2', null, `✓ ${t('Received. Keep your tracking code')}`),
        h('div', { className: 'mq-row mq-between' }, code, copy),
        h('p', { className: 'mq-muted' }, t('The code is kept on this phone: find it under Track, one tap away.')),
        h('div', { style: { display: 'grid', gap: '8px' } },
          h('button', { type: 'button', className: 'mq-btn mq-primary', 'data-testid': 'mq-go-track', onclick: () => onTrack(done.trackingCode) }, t('Track it')),
          h('button', { type: 'button', className: 'mq-btn', onclick: () => replace(el, form) }, t('Report another')),
        ),
      ),
    );
    form.reset();
    counter.textContent = '0 / 2000';
    unit.clear();
    photos.clear();
    sameAs = undefined;
    drawSimilar();
  };

  const form = h(
    'form',
    {
      className: 'mq-card',
      novalidate: true,
      'data-testid': 'mq-report-form',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        error.hidden = true;
        if (!validDescription()) return description.focus();
        submit.disabled = true;
        submit.textContent = t('Sending…');
        try {
          received(
            await call<Submitted>('submit', {
              body: {
                description: description.value.trim(),
                category: category.value,
                unitId: unit.value(),
                photos: photos.value(),
                contactName: name.value.trim() || undefined,
                contactPhone: phone.value.trim() || undefined,
                contactEmail: email.value.trim() || undefined,
                ...(sameAs ? { sameAs: sameAs.code } : {}),
              },
            }),
          );
        } catch (err) {
          error.textContent = (err as Error).message;
          error.hidden = false;
        } finally {
          submit.disabled = false;
          submit.textContent = t('Submit');
        }
      },
    },
    field('mq-description', t('What happened?'), description, h('div', null, descriptionError, counter)),
    field('mq-category', t('Category'), category),
    field('mq-unit', t('School or unit (optional)'), unit.el),
    similarBox,
    h('div', { className: 'mq-field' }, h('span', { className: 'mq-label' }, t('Photos (optional, up to 3)')), photos.el),
    h(
      'details',
      { className: 'mq-field' },
      h('summary', { 'data-testid': 'mq-report-contact' }, t('Leave a contact (optional; only the campaign office sees it)')),
      field('mq-contact-name', t('Name'), name),
      field('mq-contact-phone', t('Phone'), phone),
      field('mq-contact-email', t('E-mail (you are told what happens, and get the evaluation link)'), email),
    ),
    error,
    submit,
  );
  el.append(form);
  return el;
}
