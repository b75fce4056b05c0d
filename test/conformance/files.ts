/**
 * Case files from the command line: files as given, folders searched
 * recursively for *.json (sorted, so the output is stable). A path that
 * cannot be read, a file that is not JSON or not {"cases": [...]}, and a
 * folder with no case file are each reported, never skipped.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface CaseSource {
  readonly file: string;
  /** The cases, when the file could be read. */
  readonly cases?: readonly unknown[];
  /** Why the file (or folder) could not be used. */
  readonly error?: string;
}

function jsonFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonFilesUnder(path));
    else if (entry.name.endsWith('.json')) out.push(path);
  }
  return out;
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function readCaseFile(file: string): CaseSource {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { file, error: `cannot read the file: ${reason(e)}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { file, error: `not valid JSON: ${reason(e)}` };
  }
  const cases = (json as { cases?: unknown } | null)?.cases;
  if (typeof json !== 'object' || json === null || !Array.isArray(cases)) {
    return { file, error: 'not a case file: expected {"cases": [...]}' };
  }
  if (cases.length === 0) return { file, error: 'the file holds no cases' };
  return { file, cases };
}

export function loadSources(paths: readonly string[]): CaseSource[] {
  const sources: CaseSource[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (e) {
      sources.push({ file: path, error: `cannot read: ${reason(e)}` });
      continue;
    }
    if (!isDirectory) {
      sources.push(readCaseFile(path));
      continue;
    }
    const files = jsonFilesUnder(path);
    if (files.length === 0) sources.push({ file: path, error: 'the folder holds no *.json case file' });
    for (const file of files) sources.push(readCaseFile(file));
  }
  return sources;
}
