/**
 * 个人信息识别: recognisable personal data in a text — a mainland mobile number, an 18-digit
 * resident ID number (GB 11643, with its check digit), a street address, or a name the caller
 * knows (the complainant's, the care ledger's). One module for three uses: the publish, case and
 * reply checks refuse such text, the 接诉即办 intake masks it in the copy the problem gets, and
 * the request log masks what slips through.
 *
 * Pure: no database, no NocoBase.
 */

export type PersonalDataKind = 'phone' | 'idNumber' | 'address' | 'name';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** the matched text, as written */
  text: string;
  index: number;
}

export interface PersonalDataOptions {
  /** names to look for (complainants, students in the care ledger); names of one character are ignored */
  names?: Iterable<string | null | undefined>;
}

// 手机号: 1[3-9] + 9 digits, optionally +86 and separated 3-4-4; never a piece of a longer number
const MOBILE = /(?<![0-9])(?:\+?86[\s-]?)?1[3-9][0-9](?:[\s-]?[0-9]{4}){2}(?![0-9])/g;

// 身份证号: region, birth date (19xx/20xx), sequence, check digit; never inside a longer run
const ID_NUMBER =
  /(?<![0-9A-Za-z])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9A-Za-z])/g;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Whether an 18-character ID number's last character is its check digit (ISO 7064 MOD 11-2). */
export function validIdNumber(id: string): boolean {
  if (!/^[0-9]{17}[0-9Xx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === id[17].toUpperCase();
}

// 门牌地址: a road/street and a house number, with the building, unit and room after it;
// or a building-and-room on its own; or a village group (…村…组)
const HAN = '[\\u4e00-\\u9fa5]';
const ADDRESS = new RegExp(
  [
    `${HAN}{1,12}(?:路|街|大道|巷|胡同|道)[0-9０-９一二三四五六七八九十百]+号(?:院|楼)?(?:[0-9A-Za-z]+(?:栋|幢|号楼|单元|楼|室|号))*`,
    `(?<![0-9])[0-9]+(?:栋|幢|号楼)[0-9]+(?:单元)?(?:[0-9]+(?:室|号))?`,
    `${HAN}{1,8}村[0-9一二三四五六七八九十]+组`,
  ].join('|'),
  'g',
);

/** Every recognisable personal datum in `text`, in the order they appear. */
export function findPersonalData(text: string | null | undefined, options: PersonalDataOptions = {}) {
  const matches: PersonalDataMatch[] = [];
  if (!text) return matches;
  const add = (kind: PersonalDataKind, re: RegExp, accept: (s: string) => boolean = () => true) => {
    for (const m of text.matchAll(re)) if (accept(m[0])) matches.push({ kind, text: m[0], index: m.index ?? 0 });
  };
  add('idNumber', ID_NUMBER, validIdNumber);
  add('phone', MOBILE);
  add('address', ADDRESS);
  for (const name of new Set([...(options.names ?? [])].map((n) => (n ?? '').trim()))) {
    if (name.length < 2) continue;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      matches.push({ kind: 'name', text: name, index: at });
    }
  }
  // an ID number also reads as digits that a phone cannot be inside of; keep the first, longest
  matches.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const kept: PersonalDataMatch[] = [];
  for (const m of matches) {
    const last = kept[kept.length - 1];
    if (last && m.index < last.index + last.text.length) continue;
    kept.push(m);
  }
  return kept;
}

export const MASK_OF: Record<PersonalDataKind, string> = {
  phone: '[电话]',
  idNumber: '[身份证号]',
  address: '[地址]',
  name: '[姓名]',
};

/** `text` with each personal datum replaced by a label of its kind ([电话], [身份证号]…). */
export function maskPersonalData(text: string, options: PersonalDataOptions = {}): string {
  const matches = findPersonalData(text, options);
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.index) + MASK_OF[m.kind];
    at = m.index + m.text.length;
  }
  return out + text.slice(at);
}

/**
 * A short, non-revealing description of the matches for a refusal: the kinds, and each match
 * with its middle hidden, so the office sees where to edit without the message repeating it.
 */
export function describeMatches(matches: PersonalDataMatch[]): string {
  return matches
    .map((m) => {
      const s = m.text;
      const shown = s.length <= 2 ? `${s[0]}*` : `${s.slice(0, Math.min(3, s.length - 2))}…${s.slice(-1)}`;
      return `${MASK_OF[m.kind]} ${shown}`;
    })
    .join('; ');
}
