import type { Language } from '../../../shared/settings.ts';
import { maskCode } from './maskCode.ts';

export type CodeStructure = {
  imports: string[];
  functions: string[];
  classes: string[];
};

/** Long files can declare thousands of names; the metadata keeps the first ones. */
const MAX_NAMES = 200;

type Extractor = (masked: string, original: string) => CodeStructure;

/** Names of every match's first group, in order, without repeats. */
function names(pattern: RegExp, text: string, skip: ReadonlySet<string> = new Set()): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(pattern)) {
    if (m[1] && !skip.has(m[1])) found.add(m[1]);
  }
  return [...found];
}

/** The inside of the string literal captured by group 1 (located in the masked text), read from the original. */
function literals(pattern: RegExp, masked: string, original: string, offset = 0): string[] {
  const found: string[] = [];
  for (const m of masked.matchAll(pattern)) {
    const [start, end] = m.indices![1];
    found.push(original.slice(offset + start + 1, offset + end - 1));
  }
  return found;
}

const unique = (list: string[]) => [...new Set(list.map((s) => s.trim()).filter(Boolean))];

const python: Extractor = (masked) => {
  const imports: string[] = [];
  for (const m of masked.matchAll(/^[ \t]*import[ \t]+([^\n;]+)/gm)) {
    for (const part of m[1].replace(/[()\\]/g, '').split(',')) imports.push(part.trim().split(/\s+as\s+/)[0]);
  }
  for (const m of masked.matchAll(/^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import\b/gm)) imports.push(m[1]);
  return {
    imports: unique(imports),
    functions: names(/^[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)/gm, masked),
    classes: names(/^[ \t]*class[ \t]+(\w+)/gm, masked),
  };
};

const JS_NOT_METHODS = new Set([
  'if',
  'for',
  'while',
  'switch',
  'catch',
  'function',
  'return',
  'constructor',
  'with',
]);

const javascriptLike: Extractor = (masked, original) => {
  const lit = `(["'\`][^"'\`\\n]*["'\`])`;
  const imports = [
    ...literals(new RegExp(`\\b(?:import|export)\\s[^;"'\`]*?\\bfrom\\s*${lit}`, 'dg'), masked, original),
    ...literals(new RegExp(`^\\s*import\\s*${lit}`, 'dgm'), masked, original),
    ...literals(new RegExp(`\\b(?:require|import)\\s*\\(\\s*${lit}\\s*\\)`, 'dg'), masked, original),
  ];
  const functions = [
    ...names(/\bfunction\b\s*\*?\s*([\w$]+)\s*[<(]/g, masked),
    ...names(
      /\b(?:const|let|var)\s+([\w$]+)\s*(?::[^=;]+)?=\s*(?:async\s+)?(?:function\b|(?:\([^()]*\)|[\w$]+)\s*(?::[^=;]+)?=>)/g,
      masked,
    ),
    ...names(
      /^[ \t]*(?:(?:public|private|protected|static|async|readonly|override|abstract|get|set)\s+)*\*?([\w$]+)\s*(?:<[^>]*>)?\([^()]*\)\s*(?::[^{;=]+)?\{/gm,
      masked,
      JS_NOT_METHODS,
    ),
  ];
  return {
    imports: unique(imports),
    functions: unique(functions),
    classes: names(/\b(?:class|interface|enum)\s+([A-Za-z_$][\w$]*)/g, masked),
  };
};

const JAVA_NOT_METHODS = new Set([
  'if',
  'for',
  'while',
  'switch',
  'catch',
  'synchronized',
  'return',
  'new',
  'else',
  'try',
]);

const java: Extractor = (masked) => ({
  imports: names(/^[ \t]*import\s+(?:static\s+)?([\w.]+(?:\.\*)?)\s*;/gm, masked),
  functions: names(
    /^[ \t]*(?:@\w+(?:\([^)]*\))?\s+)*(?:[\w<>[\],.?]+[ \t]+)+(\w+)\s*\([^;{}]*\)\s*(?:throws\s[^{;]+)?\{/gm,
    masked,
    JAVA_NOT_METHODS,
  ),
  classes: names(/(?<!@)\b(?:class|interface|enum|record)\s+([A-Za-z_$][\w$]*)/g, masked),
});

const go: Extractor = (masked, original) => {
  const imports = literals(/^import\s+(?:[\w.]+\s+)?("[^"\n]*"|`[^`\n]*`)/dgm, masked, original);
  for (const block of masked.matchAll(/^import\s*\(([^)]*)\)/dgm)) {
    const [start] = block.indices![1];
    imports.push(...literals(/("[^"\n]*"|`[^`\n]*`)/dg, block[1], original, start));
  }
  return {
    imports: unique(imports),
    functions: names(/^func\s+(?:\([^)]*\)\s*)?(\w+)/gm, masked),
    classes: names(/^(?:type\s+|[ \t]+)(\w+)\s+(?:struct|interface)\s*\{/gm, masked),
  };
};

const rust: Extractor = (masked) => {
  const imports: string[] = [];
  for (const m of masked.matchAll(/^[ \t]*(?:pub(?:\([^)]*\))?\s+)?use\s+([^;]+);/gm)) {
    imports.push(
      m[1]
        .replace(/\s+as\s+\w+\s*$/, '')
        .replace(/\s+/g, '')
        .replace(/::\{.*$/, ''),
    );
  }
  for (const m of masked.matchAll(/^[ \t]*extern\s+crate\s+(\w+)/gm)) imports.push(m[1]);
  return {
    imports: unique(imports),
    functions: names(/\bfn\s+(\w+)/g, masked),
    classes: unique([
      ...names(/\b(?:struct|enum|trait|union)\s+(\w+)/g, masked),
      ...names(/\bimpl\b(?:\s*<[^>]*>)?\s+(?:[\w:]+(?:<[^>]*>)?\s+for\s+)?([A-Za-z_]\w*)/g, masked),
    ]),
  };
};

const EXTRACTORS: Record<Language, Extractor> = {
  python,
  javascript: javascriptLike,
  typescript: javascriptLike,
  java,
  go,
  rust,
};

/**
 * Imported modules, function and class (type) names declared in a source file, read with regexes
 * over the code with comments and strings masked. Pass `masked` when the caller already has it.
 */
export function codeStructure(
  source: string,
  language: Language,
  masked = maskCode(source, language),
): CodeStructure {
  const found = EXTRACTORS[language](masked, source);
  return {
    imports: found.imports.slice(0, MAX_NAMES),
    functions: found.functions.slice(0, MAX_NAMES),
    classes: found.classes.slice(0, MAX_NAMES),
  };
}
