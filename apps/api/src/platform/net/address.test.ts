import { describe, expect, it } from 'vitest';
import { blockedAddressReason, checkWebhookUrl, isLocalName, parseIPv6 } from './address';

describe('blocked destinations', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'a private network'], ['172.16.0.1', 'a private network'], ['172.31.255.255', 'a private network'],
    ['192.168.1.10', 'a private network'], ['169.254.169.254', 'link-local (cloud metadata)'],
    ['100.64.0.1', 'carrier-grade NAT'], ['100.127.255.255', 'carrier-grade NAT'], ['0.0.0.0', '"this network"'],
    ['224.0.0.1', 'multicast'], ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'], ['::', 'the unspecified address'], ['[::1]', 'loopback'],
    ['fc00::1', 'a unique local network'], ['fd12:3456::1', 'a unique local network'],
    ['fe80::1', 'link-local'], ['fe80::1%eth0', 'link-local'], ['febf::1', 'link-local'], ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'], ['[::ffff:a9fe:a9fe]', 'link-local (cloud metadata)'],
    ['::ffff:10.0.0.1', 'a private network'], ['::127.0.0.1', 'loopback'], ['64:ff9b::a00:1', 'a private network'],
    ['2002:c0a8:0101::1', 'a private network'],
  ])('%s is %s', (ip, reason) => {
    expect(blockedAddressReason(ip)).toBe(reason);
  });

  it.each(['8.8.8.8', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '169.253.1.1', '11.0.0.1',
    '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808', '2001:db8::1', 'example.com', '1.2.3', '256.1.1.1'])('%s is not blocked', (ip) => {
    expect(blockedAddressReason(ip)).toBeNull();
  });

  it('reads IPv6 in every notation', () => {
    expect(parseIPv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseIPv6('1::8')).toEqual([1, 0, 0, 0, 0, 0, 0, 8]);
    expect(parseIPv6('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
    expect(parseIPv6('1:2:3:4:5:6:1.2.3.4')).toEqual([1, 2, 3, 4, 5, 6, 0x0102, 0x0304]);
    for (const bad of ['1:2:3', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4::5:6:7:8', 'g::1', '::1.2.3.256']) expect(parseIPv6(bad), bad).toBeNull();
  });

  it('knows localhost by name', () => {
    expect(['localhost', 'LOCALHOST', 'localhost.', 'api.localhost'].every(isLocalName)).toBe(true);
    expect(['localhost.example.com', 'mylocalhost', 'example.com'].some(isLocalName)).toBe(false);
  });
});

describe('webhook URLs', () => {
  it.each([
    ['ftp://example.com/x', 'must be an http or https URL'],
    ['not a url', 'must be an absolute http(s) URL'],
    ['https://user:pass@example.com/hook', 'must not carry credentials (put a token in the path or verify the signature)'],
    ['http://localhost:8080/hook', 'must not point at localhost (this server)'],
    ['http://127.0.0.1/hook', 'must not point at loopback (127.0.0.1)'],
    ['http://2130706433/hook', 'must not point at loopback (127.0.0.1)'], // the URL parser normalises decimal IPv4
    ['http://0x7f.1/hook', 'must not point at loopback (127.0.0.1)'],
    ['http://169.254.169.254/latest/meta-data', 'must not point at link-local (cloud metadata) (169.254.169.254)'],
    ['http://[::1]:3000/', 'must not point at loopback ([::1])'],
    ['http://[::ffff:127.0.0.1]/', 'must not point at loopback ([::ffff:7f00:1])'],
    ['http://10.0.0.8/', 'must not point at a private network (10.0.0.8)'],
  ])('refuses %s', (url, message) => {
    expect(checkWebhookUrl(url, false)).toEqual({ ok: false, message });
  });

  it('accepts public http(s) URLs, and private ones when the operator allows them', () => {
    expect(checkWebhookUrl('https://hooks.example.com/frontdesk?x=1', false)).toMatchObject({ ok: true });
    expect(checkWebhookUrl('http://93.184.216.34/', false)).toMatchObject({ ok: true });
    expect(checkWebhookUrl('http://127.0.0.1:9999/hook', true)).toMatchObject({ ok: true });
    expect(checkWebhookUrl('http://localhost/hook', true)).toMatchObject({ ok: true });
    // The operator's permission covers addresses, not schemes or credentials.
    expect(checkWebhookUrl('file:///etc/passwd', true)).toMatchObject({ ok: false });
    expect(checkWebhookUrl('http://a:b@127.0.0.1/', true)).toMatchObject({ ok: false });
  });
});
