import type { CasesPage } from '../server/answers';
import { call } from './api';
import { h, replace } from './dom';
import { formatDay, labelled, t } from './i18n';

/** 典型案例: the typical cases the office published, photos opening full size. */
export function casesTab(): HTMLElement {
  const el = h('section', null, h('p', { className: 'mq-muted' }, t('Loading…')));
  void call<CasesPage>('cases', { params: { pageSize: 20 } })
    .then((data) =>
      replace(
        el,
        data.rows.length
          ? h(
              'div',
              { 'data-testid': 'mq-public-cases' },
              data.rows.map((c) =>
                h(
                  'article',
                  { className: 'mq-card' },
                  h('h3', null, c.title),
                  c.story ? h('p', { className: 'mq-pre' }, c.story) : null,
                  c.outcome ? h('p', { className: 'mq-pre' }, h('strong', null, labelled(t('Outcome'), '')), c.outcome) : null,
                  c.photos?.length
                    ? h(
                        'div',
                        { className: 'mq-photo-row' },
                        c.photos.map((url, i) =>
                          h('a', { href: url, target: '_blank', rel: 'noopener' }, h('img', { src: url, alt: t('Photo {{n}}', { n: i + 1 }), loading: 'lazy' })),
                        ),
                      )
                    : null,
                  h('p', { className: 'mq-muted', style: { margin: '0' } }, `${c.unit?.name ?? ''} ${formatDay(c.publishedAt)}`),
                ),
              ),
            )
          : h('p', { className: 'mq-empty' }, t('No typical cases yet')),
      ),
    )
    .catch((e) => replace(el, h('div', { className: 'mq-alert mq-alert-error', role: 'alert' }, (e as Error).message)));
  return el;
}
