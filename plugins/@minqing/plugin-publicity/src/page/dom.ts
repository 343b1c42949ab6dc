/**
 * A few lines instead of a UI library: the public page is one small script for phones on slow
 * networks, so it builds its elements with `h()` and keeps its state in closures.
 */
type Child = Node | string | number | null | undefined | false | Child[];
type Props = Record<string, unknown> & { style?: Partial<CSSStyleDeclaration> | string };

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'style' && typeof value === 'object') Object.assign(el.style, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    else if (key === 'className') el.className = String(value);
    else if (key === 'value' && 'value' in el) (el as unknown as HTMLInputElement).value = String(value);
    else if (key === 'checked' || key === 'disabled' || key === 'multiple' || key === 'selected') (el as any)[key] = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** text goes in as text nodes: whatever the API answers is never parsed as HTML */
export function append(el: Node, children: Child[]) {
  for (const child of children.flat(Infinity as 1) as Child[]) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(el: Element, ...children: Child[]) {
  el.replaceChildren();
  append(el, children);
}

/** a status-like pill; `tone` picks its colour from the stylesheet */
export const pill = (text: string, tone = 'default') => h('span', { className: `mq-pill mq-tone-${tone}` }, text);
