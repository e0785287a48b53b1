/**
 * The practical limit beside the baseline: the same generated corpus built by Hugo (the
 * Debian package `hugo`) with one minimal template written here — a page per document
 * with its title and rendered Markdown body, nothing else, like bench/baseline.
 *
 * Hugo reads Markdown from `.md` files, so the corpus files are hard-linked into the Hugo
 * site as `.md` (no copy; done before the clock starts). Their YAML frontmatter is read
 * as page parameters.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { listFiles } from '../../src/lib/content/corpus.ts';

export interface HugoTool {
  /** The hugo binary, or null when it is not available (then `note` says why). */
  bin: string | null;
  version: string;
  note: string;
}

function hugoVersion(): string | null {
  try {
    return execFileSync('hugo', ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/**
 * Hugo from PATH; when absent and this is a Debian system run as root, installs the
 * Debian package (`apt-get install -y hugo`); otherwise says how to install it, and the
 * bench goes on without the Hugo row.
 */
export function findOrInstallHugo(say: (msg: string) => void): HugoTool {
  let version = hugoVersion();
  if (!version && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    say('Hugo is not installed: apt-get install -y hugo');
    const r = spawnSync('apt-get', ['install', '-y', 'hugo'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status === 0) version = hugoVersion();
  }
  if (!version) {
    const note = 'Hugo not measured: no `hugo` on PATH (install the Debian package: apt-get install -y hugo)';
    say(note);
    return { bin: null, version: '', note };
  }
  return { bin: 'hugo', version: /hugo v[\d.]+/.exec(version)?.[0] ?? version, note: '' };
}

const CONFIG = `baseURL = "https://example.invalid/"
languageCode = "vi"
title = "danvan-kb bench"
# One page per document, nothing else (as bench/baseline): no lists, feeds, sitemap or taxonomies.
disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
`;

const SINGLE = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body>
</html>
`;

/**
 * Writes the Hugo site for a corpus at `site` (config, template, hard links to the
 * corpus's .mdx files as .md) and returns the arguments of the build command.
 */
export function prepareHugoSite(corpusRoot: string, site: string, destination: string): string[] {
  rmSync(site, { recursive: true, force: true });
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(join(site, 'layouts/_default'), { recursive: true });
  writeFileSync(join(site, 'hugo.toml'), CONFIG);
  writeFileSync(join(site, 'layouts/_default/single.html'), SINGLE);
  for (const dir of ['van-ban', 'thuc-tien', 'chuyen-de']) {
    const to = join(site, 'content', dir);
    mkdirSync(to, { recursive: true });
    for (const file of listFiles(join(corpusRoot, 'content', dir), '.mdx')) {
      const target = join(to, `${basename(file, '.mdx')}.md`);
      try {
        linkSync(file, target);
      } catch {
        copyFileSync(file, target); // another file system
      }
    }
  }
  return ['--source', site, '--destination', destination, '--quiet'];
}
