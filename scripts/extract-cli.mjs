#!/usr/bin/env node
// npm run extract -- PAGE.html [--url URL] [--format json|text|markdown]   ('-' reads stdin)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const USAGE = 'usage: npm run extract -- PAGE.html|- [--url URL] [--format json|text|markdown]';
const FORMATS = ['json', 'text', 'markdown'];

/** Every error is one line on stderr and a non-zero exit. */
function fail(message) {
  console.error(`extract: ${String(message).replace(/\s*\n\s*/g, ' ')}`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = { file: null, url: null, format: 'json' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--url') options.url = argv[++i] ?? fail('--url needs a value');
    else if (arg === '--format') options.format = argv[++i] ?? fail('--format needs a value');
    else if (arg === '-h' || arg === '--help') { console.log(USAGE); process.exit(0); }
    else if (arg.startsWith('--')) fail(`unknown option ${arg} (${USAGE})`);
    else if (options.file === null) options.file = arg;
    else fail(`one page at a time (got ${options.file} and ${arg})`);
  }
  if (options.file === null) fail(`no page given (${USAGE})`);
  if (!FORMATS.includes(options.format)) fail(`unknown format "${options.format}" (json, text or markdown)`);
  return options;
}

function readInput(file) {
  try {
    return file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
  } catch (error) {
    fail(error.code === 'ENOENT' ? `no such file: ${file}` : error.code === 'EISDIR' ? `${file} is a folder, not a page` : error.code === 'EACCES' ? `cannot read ${file}: permission denied` : `cannot read ${file}: ${error.message}`);
  }
}

/** HTML is text: a file with NUL bytes (an image, a zip, a gzipped page) is not a page we can read. */
function looksBinary(text) {
  return text.slice(0, 4096).includes('\u0000');
}

function dateline(article) {
  return [article.byline, article.published && `published ${article.published}`, article.modified && `updated ${article.modified}`, `${article.readingMinutes} min read`]
    .filter(Boolean)
    .join(' · ');
}

function asText(article) {
  return [article.title, dateline(article), article.siteName && `${article.siteName} — ${article.canonicalUrl}`, '', article.textContent].filter((l) => l !== null).join('\n');
}

function asMarkdown(article) {
  const paragraphs = article.textContent.split(/\n{2,}/).join('\n\n');
  return `# ${article.title}\n\n_${dateline(article)}_\n\n${paragraphs}\n\nSource: <${article.canonicalUrl}>\n`;
}

const options = parseArgs(process.argv.slice(2));
const html = readInput(options.file);
const inputName = options.file === '-' ? 'stdin' : options.file;
if (!html.trim()) fail(`${inputName} is empty`);
if (looksBinary(html)) fail(`${inputName} is not an HTML page (binary data)`);
const url = options.url ?? (options.file === '-' ? 'https://example.invalid/' : pathToFileURL(path.resolve(options.file)).href);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// BROADSHEET_OUT points at another build folder, as for the build script.
const entry = path.join(path.resolve(root, process.env.BROADSHEET_OUT ?? '.'), 'dist/node/extract.js');
if (!fs.existsSync(entry)) fail(`${path.relative(process.cwd(), entry)} is missing: run \`npm run build\` first`);
const { extract } = await import(pathToFileURL(entry).href);

let article;
try {
  article = await extract(html, url);
} catch (error) {
  fail(`could not extract ${inputName}: ${error?.message ?? error}`);
}
if (!article) {
  console.error('extract: no article found on this page');
  process.exit(2);
}
const output = { json: () => JSON.stringify(article, null, 2), text: () => asText(article), markdown: () => asMarkdown(article) }[options.format]();
process.stdout.write(output + '\n');
