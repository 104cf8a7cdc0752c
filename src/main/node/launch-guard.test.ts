import { describe, expect, it } from 'vitest';
import { PRODUCT_NAME } from '../../shared/product';
import { clipboardClearOverride, E2E_PRODUCT_NAME, forbiddenDebugSwitch, type LaunchFacts } from './launch-guard';

const facts = (argv: string[], extra: Partial<LaunchFacts> = {}): LaunchFacts => ({
  isPackaged: true,
  appName: PRODUCT_NAME,
  argv,
  hasSwitch: () => false,
  ...extra,
});

describe('forbiddenDebugSwitch', () => {
  it('refuses remote debugging and the inspector in a packaged release', () => {
    for (const arg of ['--remote-debugging-port=9222', '--remote-debugging-pipe', '--inspect', '--inspect-brk=0']) {
      expect(forbiddenDebugSwitch(facts(['/opt/app', arg])), arg).toBe(arg.split('=')[0]);
    }
    expect(forbiddenDebugSwitch(facts([], { hasSwitch: (n) => n === 'remote-debugging-port' }))).toBe(
      '--remote-debugging-port',
    );
  });

  it('lets a release start without them, and development and the e2e build with them', () => {
    expect(forbiddenDebugSwitch(facts(['/opt/app', '--no-sandbox', '--inspector-is-not-a-switch']))).toBeNull();
    expect(forbiddenDebugSwitch(facts(['--inspect'], { isPackaged: false }))).toBeNull();
    expect(forbiddenDebugSwitch(facts(['--remote-debugging-port=0'], { appName: E2E_PRODUCT_NAME }))).toBeNull();
  });
});

describe('clipboardClearOverride', () => {
  const at = (switchValue: string, isPackaged: boolean, appName: string) =>
    clipboardClearOverride({ isPackaged, appName, switchValue });

  it('is never honoured by a packaged release', () => {
    expect(at('1500', true, PRODUCT_NAME)).toBeUndefined();
  });

  it('is honoured by the e2e build and development runs, within bounds', () => {
    expect(at('1500', true, E2E_PRODUCT_NAME)).toBe(1500);
    expect(at('1500', false, PRODUCT_NAME)).toBe(1500);
    expect(at('', true, E2E_PRODUCT_NAME)).toBeUndefined();
    for (const bad of ['0', '99', '60001', '-5', '1e3', '1500ms', ' 1500', '1.5']) {
      expect(at(bad, true, E2E_PRODUCT_NAME), bad).toBeUndefined();
    }
  });
});
