#!/usr/bin/env node
// Runs every AWS Control Tower proactive rule shipped in
// @cdklabs/cdk-validator-cfnguard (pinned in .ci/package.json) over every
// template in a directory, with the cfn-guard binary that package ships.
//
//   node .ci/cfn-guard.js <templates-dir>
//
// A finding passes only if .ci/cfn-guard-exceptions.json lists it with a
// reason, or .ci/pending.json lists it as awaiting a fix (reported,
// not failed; STRICT_CHECKS=1 fails those too). An exception or pending
// entry that matches nothing fails the run, so both lists stay honest.
// `where` patterns are "<template name>/<logical ID>"; '*' matches anything.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const pkg = path.join(__dirname, 'node_modules', '@cdklabs', 'cdk-validator-cfnguard');
const rulesDir = path.join(pkg, 'rules', 'control-tower', 'cfn-guard');
const arch = { x64: 'x86_64', arm64: 'aarch64' }[os.arch()];
const platform = { linux: 'ubuntu', darwin: 'macos' }[os.platform()];
const guard = path.join(pkg, 'bin', platform, arch, 'cfn-guard');

function glob(pattern, s) {
  const re = pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${re}$`).test(s);
}

function ruleFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? ruleFiles(path.join(dir, e.name)) : e.name.endsWith('.guard') ? [path.join(dir, e.name)] : []);
}

// findings returns {template, resource, rule, control, message} for every
// resource a rule finds non-compliant in template.
function findings(template) {
  let out;
  try {
    out = execFileSync(guard, ['validate', '-r', rulesDir, '-d', template, '-z', '-o', 'json', '-S', 'none'],
      { maxBuffer: 256 * 1024 * 1024 }).toString();
  } catch (e) {
    if (!e.stdout || e.status !== 19) throw e; // 19: validation failed; anything else is an error
    out = e.stdout.toString();
  }
  const name = path.basename(template).replace(/\.template\.json$/, '');
  const result = [];
  for (const file of JSON.parse(out)) {
    for (const nc of file.not_compliant || []) {
      const text = JSON.stringify(nc);
      const m = text.match(/\[(CT\.[A-Z0-9]+\.PR\.\d+)\]/);
      const control = m ? m[1] : nc.Rule.name;
      const rule = m ? m[1].toLowerCase().replace(/\./g, '-') : nc.Rule.name;
      const message = (text.match(/\[CT\.[^\]]+\]: ([^\\]*)/) || [, ''])[1];
      const resources = new Set([...text.matchAll(/\/Resources\/([^/"]+)/g)].map((x) => x[1]));
      if (resources.size === 0) resources.add('(template)');
      for (const resource of resources) result.push({ template: name, resource, rule, control, message });
    }
  }
  return result;
}

function main() {
  const dir = process.argv[2];
  if (!dir) { console.error('usage: cfn-guard.js <templates-dir>'); process.exit(2); }
  const templates = fs.readdirSync(dir).filter((f) => f.endsWith('.template.json')).map((f) => path.join(dir, f)).sort();
  const exceptions = JSON.parse(fs.readFileSync(path.join(__dirname, 'cfn-guard-exceptions.json')));
  const strict = process.env.STRICT_CHECKS === '1';
  const pending = strict ? [] : JSON.parse(fs.readFileSync(path.join(__dirname, 'pending.json'))).filter((p) => p.checker === 'cfn-guard');
  const version = execFileSync(guard, ['--version']).toString().trim();
  console.log(`${version}, ${ruleFiles(rulesDir).length} Control Tower rule files (@cdklabs/cdk-validator-cfnguard ${require(path.join(pkg, 'package.json')).version}), ${templates.length} templates`);
  const used = new Set();
  const failures = [], covered = [];
  for (const t of templates) {
    for (const f of findings(t)) {
      const where = `${f.template}/${f.resource}`;
      const ex = exceptions.find((e) => e.rule === f.rule && glob(e.where, where));
      const pe = pending.find((p) => p.rule === f.rule && glob(p.where, where));
      if (ex) used.add(ex); else if (pe) { used.add(pe); covered.push([f, pe]); } else failures.push(f);
    }
  }
  for (const [f, p] of covered) console.log(`  pending (${p.owner}): ${f.control} ${f.template}/${f.resource}`);
  const stale = [...exceptions, ...pending].filter((e) => !used.has(e));
  for (const e of stale) console.log(`  STALE: ${e.rule} at ${e.where} matches no finding; remove it from .ci/${e.checker ? 'pending' : 'cfn-guard-exceptions'}.json`);
  for (const f of failures) console.log(`  FAIL ${f.control} ${f.template}/${f.resource}: ${f.message}`);
  console.log(`cfn-guard: ${failures.length} failures, ${exceptions.filter((e) => used.has(e)).length} exceptions used, ${covered.length} pending findings, ${stale.length} stale entries`);
  process.exit(failures.length + stale.length > 0 ? 1 : 0);
}

main();
