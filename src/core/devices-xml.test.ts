import { describe, expect, it } from 'vitest';
import { parseDevicesXml } from './devices-xml';

const TOKEN = 'placeholder-token-01';

const xml = (devices: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<MediaContainer size="2" publicAddress="203.0.113.7">${devices}</MediaContainer>`;

describe('parseDevicesXml', () => {
  it('reads each device, times as ISO, provides as a list, and drops the token', () => {
    const devices = parseDevicesXml(
      xml(
        `<Device name="Büro &amp; &quot;Küche&quot; 🎬" product="Kometa" productVersion="1.0" platform="Linux" platformVersion="6.1" device="Plex Sign-In" model="" vendor="" provides="client,player" clientIdentifier="abc-123" version="1.0" id="700001" token="${TOKEN}" createdAt="1700000000" lastSeenAt="1700086400"><Connection uri="http://10.0.0.2:32400"/></Device>` +
          `<Device name="007" product="true" clientIdentifier="x2" id="700002" token="" createdAt="" lastSeenAt="bad"/>`,
      ),
    );
    expect(devices).toEqual([
      {
        id: '700001',
        name: 'Büro & "Küche" 🎬',
        product: 'Kometa',
        productVersion: '1.0',
        platform: 'Linux',
        platformVersion: '6.1',
        device: 'Plex Sign-In',
        clientIdentifier: 'abc-123',
        createdAt: '2023-11-14T22:13:20.000Z',
        lastSeenAt: '2023-11-15T22:13:20.000Z',
        provides: ['client', 'player'],
        hasToken: true,
      },
      expect.objectContaining({
        id: '700002',
        name: '007',
        product: 'true',
        createdAt: null,
        lastSeenAt: null,
        hasToken: false,
        provides: [],
      }),
    ]);
    expect(JSON.stringify(devices)).not.toContain(TOKEN);
  });

  it('an empty list is an empty array', () => {
    expect(parseDevicesXml(xml(''))).toEqual([]);
    expect(parseDevicesXml('<MediaContainer size="0"/>')).toEqual([]);
  });

  it('skips a device without a numeric id or a client identifier', () => {
    const devices = parseDevicesXml(
      xml('<Device id="12/../13" clientIdentifier="a"/><Device id="5"/><Device id="6" clientIdentifier="ok"/>'),
    );
    expect(devices?.map((d) => d.id)).toEqual(['6']);
  });

  it.each([
    '',
    '{"MediaContainer":{}}',
    '<html><body>captive portal</body></html>',
    '<MediaContainer',
    '<errors><error code="1001"/></errors>',
  ])('is null for %j', (body) => {
    expect(parseDevicesXml(body)).toBeNull();
  });

  it('refuses entity expansion', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><MediaContainer><Device id="1" clientIdentifier="c" name="&b;"/></MediaContainer>`;
    const devices = parseDevicesXml(bomb);
    expect(devices === null || devices.every((d) => !d.name.includes('aaaa'))).toBe(true);
  });
});
