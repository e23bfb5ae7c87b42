// infrastructure/deploy-portal against a fake `aws` on the PATH (this machine has no AWS account): the stack's outputs
// become config.json; the site is staged without tests, e2e and node_modules; every upload names its content type and
// cache header, config.json goes up uncached, the distribution is invalidated; --dry-run only reads the stack and prints.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const script = join(root, "infrastructure", "deploy-portal");

const OUTPUTS = {
  ApiUrl: "https://abc123.execute-api.eu-west-1.amazonaws.com",
  UserPoolId: "eu-west-1_AbCdEf123",
  UserPoolClientId: "4pq1client",
  PortalSiteBucketName: "kp-prod-portalsitebucket-1x2y3z",
  PortalDistributionId: "E2EXAMPLE123",
  PortalDistributionDomain: "d111111abcdef8.cloudfront.net",
  PortalProviderName: "Voorbeeld IT \"& Co\"",
  PortalPrimaryColour: "#0b5394",
  PortalAccentColour: "#00695c",
  TableName: "kp-prod-PortalTable"
};

/**
 * A fake `aws`: each call is one JSON line (its arguments) in calls.log; describe-stacks answers the canned stack;
 * `s3 cp` of one file keeps a copy of it (by its S3 key), and `s3 cp --recursive` records the files it would send.
 */
function fakeAws(outputs = OUTPUTS) {
  const dir = mkdtempSync(join(tmpdir(), "fake-aws-"));
  writeFileSync(join(dir, "stack.json"), JSON.stringify({ Stacks: [{ StackName: "kp-prod",
    StackId: "arn:aws:cloudformation:eu-west-1:123456789012:stack/kp-prod/0a1b",
    Outputs: Object.entries(outputs).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })) }] }));
  const aws = join(dir, "aws");
  writeFileSync(aws, `#!/usr/bin/env bash
set -euo pipefail
node -e 'require("fs").appendFileSync(process.argv[1], JSON.stringify(process.argv.slice(2)) + "\\n")' "${dir}/calls.log" "$@"
if [[ "$1 $2" == "cloudformation describe-stacks" ]]; then cat "${dir}/stack.json"; exit 0; fi
if [[ "$1 $2" == "s3 cp" && " $* " == *" --recursive "* ]]; then (cd "$3" && find . -type f | sort) >> "${dir}/recursive.log"; exit 0; fi
if [[ "$1 $2" == "s3 cp" ]]; then cp "$3" "${dir}/uploaded-$(basename "$4")"; exit 0; fi
if [[ "$1 $2" == "cloudfront create-invalidation" ]]; then echo I2EXAMPLE; exit 0; fi
exit 0
`);
  chmodSync(aws, 0o755);
  const calls = () => (existsSync(join(dir, "calls.log")) ? readFileSync(join(dir, "calls.log"), "utf8").trim().split("\n").map(l => JSON.parse(l)) : []);
  return { dir, calls };
}

function deploy(fake, args) {
  return spawnSync("bash", [script, ...args], { encoding: "utf8",
    env: { ...process.env, PATH: fake.dir + ":" + process.env.PATH, TMPDIR: fake.dir } });
}

const option = (call, name) => call[call.indexOf(name) + 1];

test("deploy-portal writes config.json from the stack's outputs and uploads the site with types and cache headers", () => {
  const fake = fakeAws();
  const run = deploy(fake, ["--stack-name", "kp-prod", "--region", "eu-west-1"]);
  assert.equal(run.status, 0, run.stderr);
  const calls = fake.calls();
  assert.deepEqual(calls[0], ["cloudformation", "describe-stacks", "--stack-name", "kp-prod", "--region", "eu-west-1", "--output", "json"]);

  const config = JSON.parse(readFileSync(join(fake.dir, "uploaded-config.json"), "utf8"));
  assert.deepEqual(config, { apiBase: OUTPUTS.ApiUrl, userPoolId: OUTPUTS.UserPoolId, clientId: OUTPUTS.UserPoolClientId,
    region: "eu-west-1", providerName: "Voorbeeld IT \"& Co\"", colours: { primary: "#0b5394", accent: "#00695c" } });
  const configUpload = calls.find(c => c[0] === "s3" && c[1] === "cp" && c[3] === "s3://" + OUTPUTS.PortalSiteBucketName + "/config.json");
  assert.ok(configUpload, "config.json is uploaded to the site bucket");
  assert.equal(option(configUpload, "--content-type"), "application/json");
  assert.equal(option(configUpload, "--cache-control"), "no-cache, no-store, must-revalidate");

  const recursive = calls.filter(c => c[1] === "cp" && c.includes("--recursive"));
  const byPattern = Object.fromEntries(recursive.map(c => [option(c, "--include"), [option(c, "--content-type"), option(c, "--cache-control")]]));
  assert.deepEqual(byPattern["*.mjs"], ["text/javascript; charset=utf-8", "public, max-age=0, must-revalidate, s-maxage=31536000"]);
  assert.deepEqual(byPattern["*.html"], ["text/html; charset=utf-8", "public, max-age=0, must-revalidate, s-maxage=31536000"]);
  assert.deepEqual(byPattern["*.css"], ["text/css; charset=utf-8", "public, max-age=0, must-revalidate, s-maxage=31536000"]);
  assert.deepEqual(byPattern["*.svg"], ["image/svg+xml", "public, max-age=86400"]);
  assert.ok(recursive.every(c => c[3] === "s3://" + OUTPUTS.PortalSiteBucketName + "/" && option(c, "--exclude") === "*"));

  const sent = [...new Set(readFileSync(join(fake.dir, "recursive.log"), "utf8").trim().split("\n"))];
  assert.ok(sent.includes("./index.html") && sent.includes("./app.mjs") && sent.includes("./config.mjs") && sent.includes("./style.css"));
  assert.deepEqual(sent.filter(f => /^\.\/(test|e2e)\/|node_modules|^\.\/config\.json$/.test(f)), [], "no tests, e2e or node_modules");

  const sync = calls.find(c => c[1] === "sync");
  assert.ok(sync.includes("--delete") && option(sync, "--exclude") === "config.json", "stale files go, config.json stays");
  const invalidation = calls.at(-1);
  assert.deepEqual(invalidation.slice(0, 6), ["cloudfront", "create-invalidation", "--distribution-id", "E2EXAMPLE123", "--paths", "/*"]);
  assert.ok(calls.indexOf(configUpload) > calls.indexOf(sync), "config.json after the site, the invalidation last");
});

test("--dry-run only reads the stack: it prints the uploads and the invalidation and stages the site", () => {
  const fake = fakeAws();
  const run = deploy(fake, ["--stack-name", "kp-prod", "--dry-run"]);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(fake.calls().map(c => c.slice(0, 2).join(" ")), ["cloudformation describe-stacks"], "nothing but the read");
  assert.match(run.stdout, /^aws s3 cp .*\/site s3:\/\/kp-prod-portalsitebucket-1x2y3z\/ --recursive --exclude \\\* --include \\\*\.mjs --content-type text\/javascript\\;\\ charset=utf-8/m);
  assert.match(run.stdout, /^aws s3 cp .*config\.json s3:\/\/kp-prod-portalsitebucket-1x2y3z\/config\.json .*--cache-control no-cache\\,\\ no-store\\,\\ must-revalidate/m);
  assert.match(run.stdout, /^aws cloudfront create-invalidation --distribution-id E2EXAMPLE123 --paths \/\\\*/m);
  assert.match(run.stdout, /"region": "eu-west-1"/, "the region from the stack's id when none is given");
  const staged = run.stdout.match(/staged in (\S+)/)[1];
  const files = readdirSync(join(staged, "site"));
  assert.ok(files.includes("index.html") && files.includes("favicon.svg"));
  assert.ok(!files.includes("test") && !files.includes("e2e") && !files.includes("node_modules"));
  assert.equal(JSON.parse(readFileSync(join(staged, "config.json"), "utf8")).apiBase, OUTPUTS.ApiUrl);
});

test("deploy-portal refuses a stack without the site's outputs, and says a colour the portal would refuse", () => {
  const { PortalDistributionId, ...withoutDistribution } = OUTPUTS;
  assert.ok(PortalDistributionId);
  const fake = fakeAws(withoutDistribution);
  const run = deploy(fake, ["--stack-name", "kp-prod", "--dry-run"]);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /the stack has no output PortalDistributionId/);

  const orange = fakeAws({ ...OUTPUTS, PortalAccentColour: "#ff9900" });
  const warned = deploy(orange, ["--stack-name", "kp-prod", "--dry-run"]);
  assert.equal(warned.status, 0, warned.stderr);
  assert.match(warned.stderr, /warning: config\.json: colours\.accent #ff9900 reads at 2\.14:1/);

  const usage = deploy(fakeAws(), ["--region", "eu-west-1"]);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /usage: infrastructure\/deploy-portal --stack-name NAME/);
});

test("with the API's custom domain (ApiDomainUrl) deploy-portal writes it as apiBase and lets index.html's CSP connect to it", () => {
  const domain = "https://api.portal.voorbeeld-it.example";
  const fake = fakeAws({ ...OUTPUTS, ApiDomainUrl: domain + "/" });
  const run = deploy(fake, ["--stack-name", "kp-prod", "--dry-run"]);
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotMatch(run.stderr, /no ApiDomainUrl/);
  const staged = run.stdout.match(/staged in (\S+)/)[1];
  assert.equal(JSON.parse(readFileSync(join(staged, "config.json"), "utf8")).apiBase, domain, "the API on the portal's site");
  const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(readFileSync(join(staged, "site", "index.html"), "utf8"))[1];
  assert.match(csp, /connect-src 'self' https:\/\/api\.portal\.voorbeeld-it\.example https:\/\/\*\.amazonaws\.com/);
  assert.doesNotMatch(readFileSync(join(root, "portal", "index.html"), "utf8"), /voorbeeld-it/, "the working copy stays as it is");

  const plain = deploy(fakeAws(), ["--stack-name", "kp-prod", "--dry-run"]);
  assert.equal(plain.status, 0, plain.stderr);
  assert.match(plain.stderr, /warning: the stack has no ApiDomainUrl .* a reload asks to sign in again/, "without it: said, and execute-api");
  const plainStaged = plain.stdout.match(/staged in (\S+)/)[1];
  assert.equal(readFileSync(join(plainStaged, "site", "index.html"), "utf8"), readFileSync(join(root, "portal", "index.html"), "utf8"),
    "index.html unchanged on the execute-api name (its CSP allows *.amazonaws.com)");

  const bad = deploy(fakeAws({ ...OUTPUTS, ApiDomainUrl: "http://api.portal.voorbeeld-it.example" }), ["--stack-name", "kp-prod", "--dry-run"]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /ApiDomainUrl http:\/\/api\.portal\.voorbeeld-it\.example is not an https URL/);
});
