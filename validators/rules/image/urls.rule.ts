/** Descriptor urls: RFC 3986 URIs, and preferably http or https ones. */
import { defineRule } from '../rule.js';
import { asArray } from '../../json/values.js';
import { isUri, uriScheme } from './formats.js';
import { descriptorsOf } from './walk.js';

export default defineRule({
  id: 'descriptor.urls',
  requirements: ['IMG-DESC-URLS-RFC3986', 'IMG-DESC-URLS-HTTP'],
  appliesTo: ['manifest', 'index', 'descriptor'],
  *check(doc, ctx) {
    for (const d of descriptorsOf(doc, ctx.kind)) {
      const urls = asArray(d.value.urls);
      for (let i = 0; i < urls.length; i++) {
        const u = urls[i];
        if (typeof u !== 'string') continue;
        const pointer = `${d.pointer}/urls/${i}`;
        if (!isUri(u))
          yield { requirement: 'IMG-DESC-URLS-RFC3986', pointer, message: `${JSON.stringify(u)} is not an RFC 3986 URI (a scheme, then only URI characters or %XX escapes)`, params: { url: u } };
        else if (uriScheme(u) !== 'http' && uriScheme(u) !== 'https')
          yield { requirement: 'IMG-DESC-URLS-HTTP', pointer, message: `${JSON.stringify(u)} uses the ${uriScheme(u)} scheme; http or https is expected`, params: { url: u, scheme: uriScheme(u) } };
      }
    }
  },
});
