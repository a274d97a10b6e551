import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { templateUrlLocation } from '../../src/cloudformation/templateUrl.js';

const KEY = 'serverless/notes/local/1700000000000-2023-11-14T22:13:20.000Z/compiled-cloudformation-template.json';

test('TemplateURL: every S3 form names the same local object, a key with `:` kept as it is', () => {
  for (const url of [
    `http://127.0.0.1:4566/deploy-bucket/${KEY}`,
    `http://localhost:4566/deploy-bucket/${KEY}`,
    `https://s3.amazonaws.com/deploy-bucket/${KEY}`,
    `https://s3.eu-west-1.amazonaws.com/deploy-bucket/${KEY}`,
    `https://s3-eu-west-1.amazonaws.com/deploy-bucket/${KEY}`,
    `https://deploy-bucket.s3.amazonaws.com/${KEY}`,
    `https://deploy-bucket.s3.eu-west-1.amazonaws.com/${KEY}`,
  ]) {
    assert.equal(templateUrlLocation(url), { bucket: 'deploy-bucket', key: KEY }, url);
  }
  assert.equal(templateUrlLocation('https://s3.amazonaws.com/b/a%20b.json'), { bucket: 'b', key: 'a b.json' });
});

test('TemplateURL: other hosts, schemes and a URL without a key name nothing', () => {
  for (const url of ['https://example.com/b/k.json', 's3://b/k.json', 'https://s3.amazonaws.com/b', 'https://s3.amazonaws.com/b/', 'not a url', 'https://b.s3.amazonaws.com/']) {
    assert.is(templateUrlLocation(url), undefined, url);
  }
});

test.run();
