/**
 * JSON Schema of the outside-world fixture (fixtures/world.yaml). The file
 * schemas/world.schema.json is this object, written out (world.test.ts
 * checks they agree). Sizes are bounded: a lab's fixture is user input.
 */
export const WORLD_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://kube-netlab.dev/schemas/world.schema.json',
  title: 'kube-netlab outside world',
  description: 'Hosts outside the cluster: their name, IPv4 address, the TCP ports they accept and what they answer over HTTP.',
  type: 'object',
  additionalProperties: false,
  required: ['hosts'],
  properties: {
    hosts: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'ip'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\\.?$' },
          ip: { type: 'string', maxLength: 15, pattern: '^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}$' },
          ports: { type: 'array', maxItems: 100, items: { type: 'integer', minimum: 1, maximum: 65535 } },
          http: {
            type: 'array',
            maxItems: 100,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['path', 'status', 'reason', 'headers', 'body'],
              properties: {
                path: { type: 'string', minLength: 1, maxLength: 2048 },
                status: { type: 'integer', minimum: 100, maximum: 599 },
                reason: { type: 'string', maxLength: 100 },
                headers: {
                  type: 'array',
                  maxItems: 100,
                  items: {
                    type: 'array',
                    minItems: 2,
                    maxItems: 2,
                    items: [
                      { type: 'string', minLength: 1, maxLength: 200 },
                      { type: 'string', maxLength: 8192 },
                    ],
                  },
                },
                body: { type: 'string', maxLength: 1048576 },
              },
            },
          },
        },
      },
    },
  },
} as const;
