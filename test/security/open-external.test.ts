import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, PLEX_LINKS, PROJECT_LINKS } from '../../src/shared/external-links';
import { PRODUCT_HOMEPAGE } from '../../src/shared/product';
import { checkOpenExternal } from './source-scan';

// shell.openExternal hands a URL to the OS, which will launch whatever handles its scheme
// (file:, smb:, custom app schemes): the renderer must never choose one freely. The app
// has one call site, and it checks the URL against the plex.tv https allowlist first.

const ROOT = path.resolve(__dirname, '../..');
const SRC = path.join(ROOT, 'src');
describe('shell.openExternal', () => {
  it('is called in one place only, behind isAllowedExternalUrl', () => {
    const report = checkOpenExternal(SRC, ROOT);
    expect(report.violations).toEqual([]);
    expect(report.callSites).toHaveLength(1);
  });

  it('the allowlist lets the app’s own links through and refuses what the OS could abuse', () => {
    for (const url of Object.values(PLEX_LINKS)) expect(isAllowedExternalUrl(url)).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'http://plex.tv/',
      'javascript:alert(1)',
      'smb://plex.tv/share',
      'https://plex.tv.evil.example/',
      'https://evil.example/?https://plex.tv',
      'https://user:pass@plex.tv/',
      'https://plex.tv:8443/',
      'not a url',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  it('lets the project’s home page through, that exact address only', () => {
    expect(PROJECT_LINKS.homepage).toBe(PRODUCT_HOMEPAGE); // package.json homepage
    expect(isAllowedExternalUrl(PROJECT_LINKS.homepage)).toBe(true);
    for (const url of [
      `${PROJECT_LINKS.homepage}/issues`,
      `${PROJECT_LINKS.homepage}/../other`,
      `${PROJECT_LINKS.homepage}?x=1`,
      'https://github.com/',
      'https://github.com/other/repo',
      PROJECT_LINKS.homepage.replace('https:', 'http:'),
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});
