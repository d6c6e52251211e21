import { describe, expect, it } from 'vitest';
import { readConsoleSettings } from './launch';

describe('readConsoleSettings', () => {
  it('passes on only what is set, with the refresh-token lifetime', () => {
    expect(readConsoleSettings({}, 90)).toEqual({ refreshTokenLifetimeSeconds: 90 });
    expect(
      readConsoleSettings(
        {
          CONSOLE_REQUIRE_REASON: 'false',
          CONSOLE_IDLE_MINUTES: '5',
          CONSOLE_STORE: 'AT',
          CONSOLE_PRICE_MODE: 'NET_MODE',
          CONSOLE_START_MODE: 'change',
        },
        90,
      ),
    ).toEqual({
      refreshTokenLifetimeSeconds: 90,
      requireReason: false,
      idleMinutes: 5,
      store: 'AT',
      priceMode: 'NET_MODE',
      startMode: 'change',
    });
  });

  it.each([
    ['CONSOLE_REQUIRE_REASON', 'yes', /true or false/],
    ['CONSOLE_IDLE_MINUTES', '0', /positive number/],
    ['CONSOLE_STORE', 'D E', /store name such as DE/],
    ['CONSOLE_PRICE_MODE', 'gross', /GROSS_MODE or NET_MODE, not "gross"/],
    ['CONSOLE_START_MODE', 'edit', /view or change, not "edit"/],
  ])('refuses %s=%s, saying what it takes', (name, value, message) => {
    expect(() => readConsoleSettings({ [name]: value }, 90)).toThrow(message);
  });
});
