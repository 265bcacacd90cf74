/**
 * The outside world every lab starts with: the hosts the chapter reaches
 * (google.com through the ExternalName Service google-svc) and a few
 * classics. fixtures/world.yaml holds the same data for instructors to read
 * and copy; world.test.ts checks that both agree and validate.
 *
 * google.com's 301: the body is Google's real one, byte for byte (219 bytes,
 * as its Content-Length says); the volatile Content-Security-Policy header
 * (a fresh nonce each time) is left out.
 */
import type { World } from './world.ts';

export const GOOGLE_301_BODY =
  '<HTML><HEAD><meta http-equiv="content-type" content="text/html;charset=utf-8">\n' +
  '<TITLE>301 Moved</TITLE></HEAD><BODY>\n' +
  '<H1>301 Moved</H1>\n' +
  'The document has moved\n' +
  '<A HREF="http://www.google.com/">here</A>.\r\n' +
  '</BODY></HTML>\r\n';

export const DEFAULT_WORLD: World = {
  hosts: [
    {
      name: 'google.com',
      ip: '142.250.196.110',
      ports: [80, 443],
      http: [
        {
          path: '*',
          status: 301,
          reason: 'Moved Permanently',
          headers: [
            ['Location', 'http://www.google.com/'],
            ['Content-Type', 'text/html; charset=UTF-8'],
            ['Date', '${DATE}'],
            ['Expires', '${DATE+2592000}'],
            ['Cache-Control', 'public, max-age=2592000'],
            ['Server', 'gws'],
            ['Content-Length', '${LENGTH}'],
            ['X-XSS-Protection', '0'],
            ['X-Frame-Options', 'SAMEORIGIN'],
          ],
          body: GOOGLE_301_BODY,
        },
      ],
    },
    {
      name: 'www.google.com',
      ip: '142.250.196.100',
      ports: [80, 443],
      http: [
        {
          path: '*',
          status: 200,
          reason: 'OK',
          headers: [
            ['Date', '${DATE}'],
            ['Expires', '-1'],
            ['Cache-Control', 'private, max-age=0'],
            ['Content-Type', 'text/html; charset=ISO-8859-1'],
            ['Server', 'gws'],
            ['X-XSS-Protection', '0'],
            ['X-Frame-Options', 'SAMEORIGIN'],
            ['Content-Length', '${LENGTH}'],
          ],
          body: '<!doctype html><html itemscope="" itemtype="http://schema.org/WebPage" lang="en"><head><title>Google</title></head><body></body></html>',
        },
      ],
    },
    {
      name: 'example.com',
      ip: '93.184.215.14',
      ports: [80, 443],
      http: [
        {
          path: '*',
          status: 200,
          reason: 'OK',
          headers: [
            ['Content-Type', 'text/html'],
            ['Date', '${DATE}'],
            ['Content-Length', '${LENGTH}'],
          ],
          body: '<!doctype html>\n<html>\n<head>\n    <title>Example Domain</title>\n</head>\n\n<body>\n<div>\n    <h1>Example Domain</h1>\n    <p>This domain is for use in illustrative examples in documents.</p>\n</div>\n</body>\n</html>\n',
        },
      ],
    },
  ],
};
