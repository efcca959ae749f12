// Files that the client sends to the server. The languages cover files
// that VS Code or this extension already gives a language id. The patterns
// cover config files that VS Code opens as `properties`, `ini` or plain
// text, and compose files that another extension may have claimed as `yaml`.

/** One entry of a document selector, as vscode-languageclient takes it. */
export interface SelectorEntry {
  scheme: string;
  language?: string;
  pattern?: string;
}

/** Language ids that the server models. */
export const LANGUAGES: readonly string[] = [
  'dockerfile',
  'dockercompose',
  'shellscript',
  'makefile',
  'dotenv',
  'nginx',
];

/** Glob patterns for files that may open under a generic language id. */
export const PATTERNS: readonly string[] = [
  '**/{compose,docker-compose}*.{yml,yaml}',
  '**/*.{conf,cnf,ini,cfg}',
  // Templates that the nginx image renders into conf.d at start.
  '**/*.conf.template',
  '**/.env',
  '**/.env.*',
];

/** Builds the document selector for files on disk and unsaved files. */
export function documentSelector(): SelectorEntry[] {
  const entries: SelectorEntry[] = [];
  for (const scheme of ['file', 'untitled']) {
    for (const language of LANGUAGES) {
      entries.push({ scheme, language });
    }
  }
  for (const pattern of PATTERNS) {
    entries.push({ scheme: 'file', pattern });
  }
  return entries;
}
