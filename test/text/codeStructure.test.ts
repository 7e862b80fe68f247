import { describe, expect, it } from 'vitest';
import { codeStructure } from '../../src/main/core/text/codeStructure.ts';
import { linesOfCode } from '../../src/main/core/text/linesOfCode.ts';
import { maskCode } from '../../src/main/core/text/maskCode.ts';
import { SOURCE_TEMPLATES } from '../fakes/github/sourceTemplates.ts';

describe('python', () => {
  it('reads every import form, functions incl. async methods and classes, not the decoys', () => {
    const s = codeStructure(SOURCE_TEMPLATES.python.make(7), 'python');
    expect(s.imports).toEqual(['os', 'sys', 'collections.abc', '.local_7']);
    expect(s.functions).toEqual(['__init__', 'fetch_7', 'compute_7']);
    expect(s.classes).toEqual(['Widget7']);
  });

  it('handles aliases, dotted and parenthesised imports and ignores code in strings and comments', () => {
    const source = [
      'import a.b as ab, c',
      'from x.y import (z,',
      '    w)',
      'from . import sibling',
      's = """',
      'def inside_string():',
      '    import nothing',
      '"""',
      "t = '# not a comment'; import real_after_string",
      '# class Commented:',
      'class Outer(Base, metaclass=Meta):',
      '    class Inner:',
      '        async  def  run(self): pass',
    ].join('\n');
    const s = codeStructure(source, 'python');
    expect(s.imports).toEqual(['a.b', 'c', 'x.y', '.']);
    expect(s.functions).toEqual(['run']);
    expect(s.classes).toEqual(['Outer', 'Inner']);
  });
});

describe('javascript and typescript', () => {
  it('reads imports, requires, re-exports, functions, arrow consts, methods and classes', () => {
    const js = codeStructure(SOURCE_TEMPLATES.javascript.make(3), 'javascript');
    expect(js.imports).toEqual(['react', 'react-dom', 'node:path']);
    expect(js.functions).toEqual(['render3', 'handler3', 'load']);
    expect(js.classes).toEqual(['Store3']);

    const ts = codeStructure(SOURCE_TEMPLATES.typescript.make(4), 'typescript');
    expect(ts.imports).toEqual(['express', 'node:fs', './helper4']);
    expect(ts.functions).toEqual(['format4', 'parse4', 'handle']);
    expect(ts.classes).toEqual(['Options4', 'Service4']);
  });

  it('reads side-effect and dynamic imports and ignores keywords that look like methods', () => {
    const s = codeStructure(
      "import './polyfill';\nconst m = await import('lazy-mod');\nif (ok) {\n  run();\n}\nfunction* gen() {}\n",
      'javascript',
    );
    expect(s.imports).toEqual(['./polyfill', 'lazy-mod']);
    expect(s.functions).toEqual(['gen']);
  });
});

describe('java', () => {
  it('reads imports (static too), methods and constructors, and class-like types', () => {
    const s = codeStructure(SOURCE_TEMPLATES.java.make(5), 'java');
    expect(s.imports).toEqual(['java.util.List', 'java.util.Objects.requireNonNull']);
    expect(s.functions).toEqual(['Repository5', 'count5']);
    expect(s.classes).toEqual(['Repository5', 'Kind']);
  });

  it('reads interfaces and records, not annotations', () => {
    const s = codeStructure(
      'public @interface Marker {}\ninterface Shape {}\nrecord Point(int x, int y) {}\n',
      'java',
    );
    expect(s.classes).toEqual(['Shape', 'Point']);
  });
});

describe('go', () => {
  it('reads import blocks with aliases, funcs and methods, structs and interfaces', () => {
    const s = codeStructure(SOURCE_TEMPLATES.go.make(6), 'go');
    expect(s.imports.sort()).toEqual(['fmt', 'net/http', 'strings']);
    expect(s.functions).toEqual(['Start', 'Greet6']);
    expect(s.classes).toEqual(['Server6']);
  });
});

describe('rust', () => {
  it('reads use paths, fns, and struct/enum/trait/impl types, not lifetimes or strings', () => {
    const s = codeStructure(SOURCE_TEMPLATES.rust.make(8), 'rust');
    expect(s.imports).toEqual(['std::collections', 'serde::Deserialize']);
    expect(s.functions).toEqual(['get', 'build_8']);
    expect(s.classes).toEqual(['Cache8', 'Store', 'Mode']);
  });

  it('drops aliases and reads extern crates', () => {
    const s = codeStructure(
      'use std::io::Read as R;\npub(crate) use crate::bias;\nextern crate alloc;\n',
      'rust',
    );
    expect(s.imports).toEqual(['std::io::Read', 'crate::bias', 'alloc']);
  });
});

describe('lines of code', () => {
  it('counts lines that are neither blank nor only a comment', () => {
    const py = '# header\n\nimport os  # trailing\n\ndef f():\n    return 1\n';
    expect(linesOfCode(maskCode(py, 'python'))).toBe(3);
    const ts = '/**\n * doc\n */\nconst a = "//";\n// only\nlet b = 2; /* tail */\n';
    expect(linesOfCode(maskCode(ts, 'typescript'))).toBe(2);
  });
});
