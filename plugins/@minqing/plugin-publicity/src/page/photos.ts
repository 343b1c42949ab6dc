import { h, replace } from './dom';
import { t } from './i18n';

const MAX_SIDE = 1600;
const CAMERA =
  '<svg width="28" height="28" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"><path d="M4 8h3l2-3h6l2 3h3v11H4z"/><circle cx="12" cy="13" r="3.5"/></svg>';

/** A phone photo is 3–8 MB: shrink it in the browser to a JPEG of at most 1600 px. */
async function shrink(file: File): Promise<string> {
  const url = URL.createObjectURL(file);
  try {
    const img = await new Promise<HTMLImageElement>((resolve, reject) => {
      const el = new window.Image();
      el.onload = () => resolve(el);
      el.onerror = reject;
      el.src = url;
    });
    const scale = Math.min(1, MAX_SIDE / Math.max(img.width, img.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.width * scale));
    canvas.height = Math.max(1, Math.round(img.height * scale));
    canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', 0.8);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The photo picker: "take a photo" opens the camera on a phone (capture), "from the album" the
 * gallery; each photo shows as a thumbnail with a remove button. Answers the element and the
 * photos as data URLs.
 */
export function photoPicker(max: number) {
  let photos: string[] = [];
  const error = h('div', { className: 'mq-error', role: 'alert', hidden: true });
  const row = h('div', { className: 'mq-photos', 'data-testid': 'mq-report-photo-list' });
  const picker = (text: string, testId: string, camera: boolean) => {
    const input = h('input', {
      type: 'file',
      accept: 'image/*',
      ...(camera ? { capture: 'environment' } : { multiple: true }),
      'data-testid': testId,
      onchange: async () => {
        const files = Array.from(input.files ?? []).slice(0, max - photos.length);
        input.value = '';
        error.hidden = true;
        try {
          photos = [...photos, ...(await Promise.all(files.map(shrink)))].slice(0, max);
        } catch {
          error.textContent = t('This file could not be read as a photo');
          error.hidden = false;
        }
        draw();
      },
    });
    const icon = h('b', { 'aria-hidden': 'true' });
    // a drawn icon: an emoji camera is a blank box on phones without the emoji font
    icon.innerHTML = camera ? CAMERA : '＋';
    return h('label', { className: 'mq-picker' }, input, icon, text);
  };
  const draw = () => {
    replace(
      row,
      photos.map((src, i) =>
        h(
          'div',
          { className: 'mq-thumb' },
          h('img', { src, alt: t('Photo {{n}}', { n: i + 1 }) }),
          h(
            'button',
            {
              type: 'button',
              'aria-label': t('Remove photo {{n}}', { n: i + 1 }),
              'data-testid': 'mq-report-photo-remove',
              onclick: () => {
                photos = photos.filter((_, j) => j !== i);
                draw();
              },
            },
            h('span', { 'aria-hidden': 'true' }, '×'),
          ),
        ),
      ),
      photos.length < max
        ? [picker(t('Take a photo'), 'mq-report-camera', true), picker(t('From the album'), 'mq-report-photos', false)]
        : null,
    );
  };
  draw();
  return {
    el: h('div', null, row, error),
    value: () => photos,
    clear: () => {
      photos = [];
      draw();
    },
  };
}
