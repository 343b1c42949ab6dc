import { storedOffsetMinutes } from '../services/sql';

describe('the zone MySQL/MariaDB DATETIME is written in (sequelize `timezone`, from DB_TIMEZONE)', () => {
  it('reads offsets and zone names', () => {
    expect(storedOffsetMinutes('+08:00')).toBe(480);
    expect(storedOffsetMinutes('+00:00')).toBe(0);
    expect(storedOffsetMinutes('-05:30')).toBe(-330);
    expect(storedOffsetMinutes('Asia/Shanghai')).toBe(480);
    expect(storedOffsetMinutes('UTC')).toBe(0);
  });
});
