#!/usr/bin/env node
// Checks every _locales/<lang>/messages.json against the English one: the same keys (none missing, none extra), a
// message for each, and the same placeholders — a translation that drops or renames `$COUNT$` would show the raw
// token, and one that names an undefined placeholder stops Chromium from loading the extension at all.
//   node scripts/check-locales.mjs [localesDir]   exits 1 and lists every problem
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE_LOCALE = 'en';

/** `$COUNT$`-style references in a message, lower-cased as the browsers match them. */
function namedReferences(message) {
  return [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1].toLowerCase());
}

/** `$1`-style references outside named ones (`$$` is a literal dollar). */
function positionalReferences(message) {
  const withoutNamed = message.replace(/\$\$/g, '').replace(/\$[A-Za-z0-9_@]+\$/g, '');
  return [...withoutNamed.matchAll(/\$(\d)/g)].map((m) => m[1]);
}

function sortedSet(values) {
  return [...new Set(values)].sort();
}

function sameList(a, b) {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function placeholderContents(entry) {
  const placeholders = entry.placeholders && typeof entry.placeholders === 'object' ? entry.placeholders : {};
  return Object.fromEntries(Object.entries(placeholders).map(([name, value]) => [name.toLowerCase(), value?.content]));
}

function readMessages(file) {
  let parsed;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return { problem: `${file}: not valid JSON (${error.message})` };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { problem: `${file}: not a JSON object of messages` };
  return { messages: parsed };
}

/** Problems of one entry on its own: a message, and every named reference defined by a placeholder. */
function entryProblems(lang, key, entry) {
  if (!entry || typeof entry.message !== 'string' || !entry.message.trim()) return [`${lang}: "${key}" has no message`];
  const defined = Object.keys(placeholderContents(entry));
  return namedReferences(entry.message)
    .filter((name) => !defined.includes(name))
    .map((name) => `${lang}: "${key}" uses $${name.toUpperCase()}$ but defines no such placeholder`);
}

/** Every problem found, as readable lines; empty when all locales match the base. */
export function checkLocales(localesDir) {
  const baseFile = path.join(localesDir, BASE_LOCALE, 'messages.json');
  const base = readMessages(baseFile);
  if (base.problem) return [base.problem];
  const problems = Object.entries(base.messages).flatMap(([key, entry]) => entryProblems(BASE_LOCALE, key, entry));
  const langs = fs
    .readdirSync(localesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== BASE_LOCALE)
    .map((entry) => entry.name)
    .sort();
  for (const lang of langs) {
    const file = path.join(localesDir, lang, 'messages.json');
    if (!fs.existsSync(file)) {
      problems.push(`${lang}: no messages.json`);
      continue;
    }
    const read = readMessages(file);
    if (read.problem) {
      problems.push(read.problem);
      continue;
    }
    const messages = read.messages;
    for (const key of Object.keys(base.messages)) {
      if (!(key in messages)) problems.push(`${lang}: missing "${key}" (en: ${JSON.stringify(base.messages[key]?.message)})`);
    }
    for (const key of Object.keys(messages)) {
      if (!(key in base.messages)) problems.push(`${lang}: "${key}" is not in en`);
    }
    for (const [key, entry] of Object.entries(messages)) {
      const baseEntry = base.messages[key];
      if (!baseEntry) continue;
      const own = entryProblems(lang, key, entry);
      problems.push(...own);
      if (own.length || typeof baseEntry.message !== 'string') continue;
      const wantNamed = sortedSet(namedReferences(baseEntry.message));
      const haveNamed = sortedSet(namedReferences(entry.message));
      if (!sameList(wantNamed, haveNamed)) {
        problems.push(`${lang}: "${key}" uses placeholders [${haveNamed.join(', ')}], en uses [${wantNamed.join(', ')}]`);
      }
      const wantPositional = sortedSet(positionalReferences(baseEntry.message));
      const havePositional = sortedSet(positionalReferences(entry.message));
      if (!sameList(wantPositional, havePositional)) {
        problems.push(`${lang}: "${key}" uses $${havePositional.join(', $') || '-'}, en uses $${wantPositional.join(', $') || '-'}`);
      }
      const wantContents = placeholderContents(baseEntry);
      const haveContents = placeholderContents(entry);
      for (const name of wantNamed.filter((n) => haveNamed.includes(n))) {
        if (haveContents[name] !== wantContents[name]) {
          problems.push(`${lang}: "${key}" placeholder ${name} is ${JSON.stringify(haveContents[name])}, en has ${JSON.stringify(wantContents[name])}`);
        }
      }
    }
  }
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const localesDir = path.resolve(process.argv[2] ?? path.join(root, '_locales'));
  const problems = checkLocales(localesDir);
  if (problems.length) {
    console.error(`${problems.length} locale problem(s) in ${localesDir}:`);
    for (const problem of problems) console.error(`  ${problem}`);
    process.exit(1);
  }
  const langs = fs.readdirSync(localesDir).sort().join(', ');
  const keys = Object.keys(JSON.parse(fs.readFileSync(path.join(localesDir, BASE_LOCALE, 'messages.json'), 'utf8'))).length;
  console.log(`locales OK: ${langs} — ${keys} keys each, placeholders intact`);
}
