import { describe, expect, it } from 'vitest';
import { isBase64, isRefName, isReverseDomainKey, isRfc3339DateTime, isUri, parseReference } from '../../../../validators/rules/image/formats.js';
import { variantListed } from '../../../../validators/rules/image/platforms.js';

describe('RFC 3339 date-time', () => {
  it.each([
    ['2015-10-31T22:22:56.015925234Z', true],
    ['2024-02-29T00:00:00+01:00', true],
    ['2016-12-31T23:59:60Z', true],
    ['2000-02-29t10:00:00z', true],
    ['1900-02-29T10:00:00Z', false],
    ['2024-04-31T10:00:00Z', false],
    ['2024-01-01T10:00:00', false],
    ['2024-01-01 10:00:00Z', false],
    ['2024-01-01T10:00Z', false],
    ['2024-01-01T10:00:00+24:00', false],
    ['2024-1-01T10:00:00Z', false],
  ])('%s: %s', (s, ok) => expect(isRfc3339DateTime(s)).toBe(ok));
});

describe('URIs and base64', () => {
  it.each([
    ['https://example.com/a?b=c#d', true],
    ['urn:example:a', true],
    ['http://[::1]:8080/', true],
    ['example.com', false],
    ['https://example.com/a b', false],
    ['https://example.com/%4', false],
    ['1http://x', false],
  ])('uri %s: %s', (s, ok) => expect(isUri(s)).toBe(ok));
  it.each([
    ['', true],
    ['e30=', true],
    ['YWJj', true],
    ['YQ==', true],
    ['YQ=', false],
    ['YQ', false],
    ['a-_b', false],
    ['YW Jj', false],
  ])('base64 %j: %s', (s, ok) => expect(isBase64(s)).toBe(ok));
});

describe('keys and references', () => {
  it.each([
    ['com.example.key', true],
    ['org.label-schema.build-date', true],
    ['io.k8s.display-name', true],
    ['maintainer', false],
    ['Com.example', false],
    ['com.', false],
  ])('reverse domain %s: %s', (s, ok) => expect(isReverseDomainKey(s)).toBe(ok));
  it.each([
    ['v1.0', true],
    ['registry.example.com/app:v1--rc', true],
    ['a@b+c', true],
    ['-a', false],
    ['a..b', false],
    ['a/', false],
    ['', false],
  ])('ref.name %j: %s', (s, ok) => expect(isRefName(s)).toBe(ok));
  it.each([
    ['registry.example.com/org/app:1.0', 'registry.example.com', 'org/app'],
    ['localhost:5000/app', 'localhost:5000', 'app'],
    ['library/alpine', undefined, 'library/alpine'],
    ['alpine@sha256:' + 'a'.repeat(64), undefined, 'alpine'],
  ])('reference %s', (s, domain, path) => expect(parseReference(s)).toEqual({ domain, path }));
  it.each(['Registry/App', 'app:-x', 'a//b', ''])('not a reference: %j', (s) => expect(parseReference(s)).toBeUndefined());
});

describe('platform variants', () => {
  it('follows the table of each release', () => {
    expect(variantListed('arm', 'v7', '1.0.0')).toBe(true);
    expect(variantListed('arm64', 'v8.2', '1.1.0')).toBe(false);
    expect(variantListed('arm64', 'v8.2', '1.1.1')).toBe(true);
    expect(variantListed('amd64', 'v3', '1.1.0')).toBeUndefined();
    expect(variantListed('amd64', 'v3', '1.1.1')).toBe(true);
    expect(variantListed('ppc64le', 'power10', '1.1.1')).toBe(true);
    expect(variantListed('ppc64le', 'power7', '1.1.1')).toBe(false);
    expect(variantListed('s390x', 'z15', '1.1.1')).toBeUndefined();
  });
});
