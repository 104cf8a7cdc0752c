import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryClipboard } from '../../../testing/main-doubles';
import { createClipboardGuard } from './clipboard-guard';
import type { ClipboardPort } from './ports';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('clipboard guard', () => {
  it('copies, then clears after the delay if the clipboard still holds the secret', async () => {
    const clipboard = createMemoryClipboard();
    const guard = createClipboardGuard(clipboard, 60_000);
    expect(await guard.copy('secret-token')).toBe(60);
    expect(clipboard.readText()).toBe('secret-token');
    await vi.advanceTimersByTimeAsync(59_999);
    expect(clipboard.readText()).toBe('secret-token');
    await vi.advanceTimersByTimeAsync(1);
    expect(clipboard.readText()).toBe('');
  });

  it('leaves alone whatever the user copied since', async () => {
    const clipboard = createMemoryClipboard();
    const guard = createClipboardGuard(clipboard, 1_000);
    await guard.copy('secret-token');
    clipboard.writeText('a shopping list');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(clipboard.readText()).toBe('a shopping list');
  });

  it('withdraws the secret now, and then has no timer left', async () => {
    const clipboard = createMemoryClipboard();
    const guard = createClipboardGuard(clipboard, 60_000);
    await guard.copy('secret-token');
    await guard.withdraw();
    expect(clipboard.readText()).toBe('');
    clipboard.writeText('copied later');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(clipboard.readText()).toBe('copied later');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clears a leftover secret only if the clipboard holds exactly it', async () => {
    const clipboard = createMemoryClipboard();
    const guard = createClipboardGuard(clipboard, 60_000);
    clipboard.writeText('secret-token plus more');
    await guard.clearLeftover('secret-token');
    expect(clipboard.readText()).toBe('secret-token plus more');
    clipboard.writeText('secret-token');
    await guard.clearLeftover('secret-token');
    expect(clipboard.readText()).toBe('');
  });

  it('restarts the countdown on a second copy', async () => {
    const clipboard = createMemoryClipboard();
    const guard = createClipboardGuard(clipboard, 1_000);
    await guard.copy('secret-token');
    await vi.advanceTimersByTimeAsync(800);
    await guard.copy('secret-token');
    await vi.advanceTimersByTimeAsync(800); // the first copy's clear would have run by now
    expect(clipboard.readText()).toBe('secret-token');
    await vi.advanceTimersByTimeAsync(200);
    expect(clipboard.readText()).toBe('');
  });

  it('clears a token still on the clipboard at once when the app closes, and leaves no timer', async () => {
    const clipboard = createMemoryClipboard();
    const guard = createClipboardGuard(clipboard, 1_000);
    await guard.copy('secret-token');
    guard.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(clipboard.readText()).toBe('');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves what the user copied since alone when the app closes', async () => {
    const clipboard = createMemoryClipboard();
    const guard = createClipboardGuard(clipboard, 1_000);
    await guard.copy('secret-token');
    clipboard.writeText('a shopping list');
    guard.dispose();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(clipboard.readText()).toBe('a shopping list');
  });

  it('works with a clipboard that answers with promises (Electron) and rounds the delay up', async () => {
    let text = '';
    const clipboard: ClipboardPort = {
      writeText: async (t) => {
        text = t;
      },
      readText: async () => text,
      clear: async () => {
        text = '';
      },
    };
    const guard = createClipboardGuard(clipboard, 1_500);
    expect(await guard.copy('secret-token')).toBe(2);
    expect(text).toBe('secret-token');
    await vi.advanceTimersByTimeAsync(1_500);
    expect(text).toBe('');
  });

  it('survives a clipboard that cannot be read when the time comes', async () => {
    const clipboard: ClipboardPort = {
      writeText: () => {},
      readText: () => {
        throw new Error('clipboard locked');
      },
      clear: vi.fn(),
    };
    const guard = createClipboardGuard(clipboard, 100);
    await guard.copy('secret-token');
    await vi.advanceTimersByTimeAsync(200);
    expect(clipboard.clear).not.toHaveBeenCalled();
  });
});
