import { describe, expect, it } from 'vitest';
import { createDnsAvailability, type DnsLookups } from '../../../src/channels/availability/dns-availability.js';

const dnsError = (code: string): Error => Object.assign(new Error(`query failed ${code}`), { code });

/** A DNS where `zone` lists the names that exist (with their NS answer) and everything else is NXDOMAIN. */
function fakeDns(zone: Record<string, string[] | 'timeout' | 'nodata'>): DnsLookups & { asked: string[] } {
  const asked: string[] = [];
  const answer = (name: string, type: string): Promise<string[]> => {
    asked.push(`${type} ${name}`);
    const entry = zone[name];
    if (entry === undefined) return Promise.reject(dnsError('ENOTFOUND'));
    if (entry === 'timeout') return Promise.reject(dnsError('ETIMEOUT'));
    if (entry === 'nodata') return Promise.reject(dnsError('ENODATA'));
    return Promise.resolve(entry);
  };
  return { asked, resolveNs: (name) => answer(name, 'NS'), resolveSoa: (name) => answer(name, 'SOA') };
}

const ZONE = { 'id.vn': ['a.dns.vn'], 'biz.vn': ['a.dns.vn'], 'vnnic.id.vn': ['ns1.vnnic.vn'], 'onlya.id.vn': 'nodata' as const };

describe('DomainAvailability over DNS', () => {
  it('NS records mean taken; NXDOMAIN means probably available', async () => {
    const availability = createDnsAvailability({ dns: fakeDns(ZONE) });
    expect(await availability.check('vnnic.id.vn')).toBe('taken');
    expect(await availability.check('nguyenvanan.id.vn')).toBe('available');
    expect(await availability.check('taphoaminhchau.biz.vn')).toBe('available');
  });

  it('a name that exists without NS or SOA is held by someone', async () => {
    expect(await createDnsAvailability({ dns: fakeDns(ZONE) }).check('onlya.id.vn')).toBe('taken');
  });

  it('a timeout is unknown, never available', async () => {
    const dns = fakeDns({ ...ZONE, 'cham.id.vn': 'timeout' });
    expect(await createDnsAvailability({ dns }).check('cham.id.vn')).toBe('unknown');
  });

  it('a resolver that says NXDOMAIN for everything (offline) gives unknown', async () => {
    const availability = createDnsAvailability({ dns: fakeDns({}) });
    expect(await availability.check('nguyenvanan.id.vn')).toBe('unknown');
  });

  it('the parent zone is checked once per TTL, and malformed names are never looked up', async () => {
    let now = 0;
    const dns = fakeDns(ZONE);
    const availability = createDnsAvailability({ dns, now: () => now, parentTtlMs: 1000 });
    await availability.check('a.id.vn');
    await availability.check('b.id.vn');
    now = 2000;
    await availability.check('c.id.vn');
    expect(dns.asked.filter((q) => q === 'NS id.vn')).toHaveLength(2);
    expect(await availability.check('nguyễn.id.vn')).toBe('unknown');
    expect(await availability.check('example.com')).toBe('unknown');
    expect(dns.asked.some((q) => q.includes('example.com') || q.includes('nguyễn'))).toBe(false);
  });
});
