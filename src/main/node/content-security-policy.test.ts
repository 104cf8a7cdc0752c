import { describe, expect, it } from 'vitest';
import { devRendererCsp, RENDERER_CSP } from './content-security-policy';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('the renderer’s Content Security Policy', () => {
  it('allows nothing but the app’s own files and plex.tv avatars', () => {
    const csp = directives(RENDERER_CSP);
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('style-src')).toBe("'self'");
    expect(csp.get('img-src')).toBe("'self' data: https://plex.tv https://*.plex.tv");
    expect(csp.get('connect-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(RENDERER_CSP).not.toContain('unsafe');
  });

  it('loosens only what the dev server needs, for its own origin', () => {
    const csp = directives(devRendererCsp('http://localhost:5173/'));
    expect(csp.get('script-src')).toBe("'self' 'unsafe-inline'");
    expect(csp.get('connect-src')).toBe('http://localhost:5173 ws://localhost:5173');
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('img-src')).toBe("'self' data: https://plex.tv https://*.plex.tv");
  });
});
