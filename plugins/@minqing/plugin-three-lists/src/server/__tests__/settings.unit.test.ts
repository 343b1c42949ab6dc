import { DEFAULT_SETTINGS, mergeSettings } from '../domain/settings';
import { LoopRuleError } from '../domain/loop';

describe('settings', () => {
  it('accepts changes within range', () => {
    expect(
      mergeSettings(DEFAULT_SETTINGS, { firstReceiverDeadlineDays: 3, closeOnSatisfiedEvaluation: true }),
    ).toMatchObject({
      firstReceiverDeadlineDays: 3,
      closeOnSatisfiedEvaluation: true,
      leaderGuaranteeDeadlineDays: DEFAULT_SETTINGS.leaderGuaranteeDeadlineDays,
    });
  });

  it.each([
    [{ firstReceiverDeadlineDays: 0 }, 'INVALID_SETTING'],
    [{ firstReceiverDeadlineDays: 2.5 }, 'INVALID_SETTING'],
    [{ minSample: '5' }, 'INVALID_SETTING'],
    [{ reopenOnUnresolvedRevisit: 'yes' }, 'INVALID_SETTING'],
    [{ timeZone: 'Mars/Olympus' }, 'INVALID_SETTING'],
    [{ deadline: 3 }, 'UNKNOWN_SETTING'],
  ])('refuses %j', (change, code) => {
    expect(() => mergeSettings(DEFAULT_SETTINGS, change)).toThrow(LoopRuleError);
    try {
      mergeSettings(DEFAULT_SETTINGS, change);
    } catch (e) {
      expect(e.code).toBe(code);
    }
  });
});
