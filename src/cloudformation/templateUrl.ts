// Which local S3 object a TemplateURL names. The serverless-localstack plugin rewrites it to the local endpoint
// (`http://127.0.0.1:4566/<bucket>/<key>`, key not URL-encoded and with `:`), osls 4 keeps
// `https://s3.amazonaws.com/<bucket>/<key>` (../shared/reference/serverless-deploy.md §4, §5.8); other tools use
// S3's regional and virtual-hosted forms. All of them resolve against the local S3.

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** `s3.amazonaws.com`, `s3.<region>.amazonaws.com`, and the older `s3-<region>.amazonaws.com`. */
const PATH_STYLE = /^s3([.-][a-z0-9-]+)?\.amazonaws\.com$/;
/** `<bucket>.s3.amazonaws.com`, `<bucket>.s3.<region>.amazonaws.com`, `<bucket>.s3-<region>.amazonaws.com`. */
const VIRTUAL_HOSTED = /^(.+)\.s3([.-][a-z0-9-]+)?\.amazonaws\.com$/;

export function templateUrlLocation(url: string): { bucket: string; key: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const host = parsed.hostname.toLowerCase();
  const path = parsed.pathname.slice(1);
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  if (LOCAL_HOSTS.has(host) || PATH_STYLE.test(host)) {
    const slash = path.indexOf('/');
    if (slash <= 0 || slash === path.length - 1) return undefined;
    return { bucket: decode(path.slice(0, slash)), key: decode(path.slice(slash + 1)) };
  }
  const virtual = VIRTUAL_HOSTED.exec(host);
  if (virtual && path) return { bucket: virtual[1]!, key: decode(path) };
  return undefined;
}
