import { describeMatches, findPersonalData, maskPersonalData, validIdNumber } from '../domain/personal-data';
import { redactLogEntry } from '../services/log-redaction';

// a valid ID number (check digit 9) and the same with a wrong check digit
const ID = '421002198503176429';
const ID_WRONG = '42100219850317642X';

const kinds = (text: string, names?: string[]) => findPersonalData(text, { names }).map((m) => `${m.kind}:${m.text}`);

describe('personal data in a text', () => {
  it('finds a mainland mobile number, alone or written 3-4-4, with +86', () => {
    expect(kinds('电话13971234567')).toEqual(['phone:13971234567']);
    expect(kinds('call 139-7123-4567 now')).toEqual(['phone:139-7123-4567']);
    expect(kinds('+86 139 7123 4567')).toEqual(['phone:+86 139 7123 4567']);
  });

  it('does not take a piece of a longer number, a landline or a short number for a phone', () => {
    expect(kinds('订单号 2139712345678')).toEqual([]);
    expect(kinds('编号139712345678')).toEqual([]);
    expect(kinds('0716-8123456')).toEqual([]);
    expect(kinds('12345678901')).toEqual([]); // 12x is no mobile prefix
    expect(kinds('资助金额13971元')).toEqual([]);
  });

  it('finds an 18-digit ID number only with its right check digit', () => {
    expect(validIdNumber(ID)).toBe(true);
    expect(validIdNumber(ID_WRONG)).toBe(false);
    expect(kinds(`身份证${ID}，`)).toEqual([`idNumber:${ID}`]);
    expect(kinds(`身份证${ID_WRONG}`)).toEqual([]);
    expect(kinds(`11010519491231002x`)).toEqual(['idNumber:11010519491231002x']);
    // inside a longer run of digits it is no ID number, and never a phone either
    expect(kinds(`9${ID}1`)).toEqual([]);
  });

  it('finds street addresses, buildings and rooms, village groups', () => {
    expect(kinds('住荆州区东门路88号2栋301室')).toEqual(['address:住荆州区东门路88号2栋301室']);
    expect(kinds('家住3栋2单元501室')).toEqual(['address:3栋2单元501室']);
    expect(kinds('李家村三组')).toEqual(['address:李家村三组']);
    // a road without a house number is a place, not an address
    expect(kinds('北京路小学食堂')).toEqual([]);
  });

  it('finds the names it is given, and no name of one character', () => {
    expect(kinds('赵秀英反映资助未到', ['赵秀英'])).toEqual(['name:赵秀英']);
    expect(kinds('赵老师反映', ['赵'])).toEqual([]);
    expect(kinds('没有提到任何人', ['赵秀英'])).toEqual([]);
  });

  it('masks each datum with a label of its kind', () => {
    expect(maskPersonalData(`我是赵秀英，电话13971234567，身份证${ID}，住东门路88号`, { names: ['赵秀英'] })).toBe(
      // the place words before the road go with it: more is masked, never less
      '我是[姓名]，电话[电话]，身份证[身份证号]，[地址]',
    );
    expect(maskPersonalData('食堂排队太久')).toBe('食堂排队太久');
  });

  it('describes matches without repeating them whole', () => {
    const described = describeMatches(findPersonalData('电话13971234567', {}));
    expect(described).toContain('[电话]');
    expect(described).not.toContain('13971234567');
  });
});

describe("the request log's sanitiser", () => {
  const LEVEL = Symbol.for('level');
  it('writes the values and filters of our resources as their shape, and masks the rest', () => {
    const entry = {
      level: 'info',
      [LEVEL]: 'info',
      message: 'request GET /api/mq_problems:list?filter=%7B%22description%22%3A%2213971234567%22%7D',
      action: {
        resourceName: 'mqPublic',
        actionName: 'submit',
        params: { values: { contactName: '赵秀英', contactPhone: '13971234567', photos: ['data:image/png;base64,iVBO='] } },
      },
      other: { resourceName: 'workflows', params: { values: { note: `电话13971234567 身份证${ID}`, confirm_password: 'x' } } },
    };
    const out = redactLogEntry(entry as any) as any;
    const text = JSON.stringify(out);
    for (const secret of ['赵秀英', '13971234567', ID, 'data:image', '"x"']) expect(text).not.toContain(secret);
    expect(out.action.params.values).toEqual({ contactName: '[…]', contactPhone: '[…]', photos: ['[…]'] });
    expect(out.other.params.values.note).toBe('电话[电话] 身份证[身份证号]');
    expect(out.other.params.values.confirm_password).toBe('[redacted]');
    expect(out[LEVEL]).toBe('info');
    // a database error quoting its SQL keeps no literal
    const sqlError = redactLogEntry({
      level: 'error',
      message: "Unknown column\nsql: SELECT `id` FROM `t` WHERE `content` LIKE '%内部意见X%'; - parameters:['赵秀英']",
    } as any) as any;
    expect(sqlError.message).not.toMatch(/内部意见X|赵秀英/);
    expect(sqlError.message).toContain("LIKE '…'");
    // the entry itself is left alone: it holds the live request's parameters
    expect(entry.action.params.values.contactPhone).toBe('13971234567');
  });
});
