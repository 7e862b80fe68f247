import type { Language } from '../../../src/shared/settings.ts';

/**
 * Small but realistic source files per language, with imports, functions and classes (and decoys in
 * comments and strings that an analyser must ignore). `n` makes each file's names and content unique.
 */
export const SOURCE_TEMPLATES: Record<Language, { ext: string; make(n: number): string }> = {
  python: {
    ext: '.py',
    make: (n) => `"""Module ${n}. The docstring mentions def not_a_function(): and import fake."""
import os, sys as system
from collections.abc import Mapping
from .local_${n} import helper

# def commented_out():
LABEL = "class NotAClass:"


class Widget${n}(Mapping):
    def __init__(self, size):
        self.size = size

    async def fetch_${n}(self):
        return await helper(self.size)


def compute_${n}(x):
    return x * ${n} + len(system.argv) + len(os.sep)
`,
  },
  javascript: {
    ext: '.js',
    make: (n) => `// function commentedOut() {}
import React from 'react';
import { useState } from "react-dom";
const path = require('node:path');

export function render${n}(props) {
  const label = "function notAFunction() {}";
  return path.join(label, String(props.id + ${n}));
}

export const handler${n} = async (event) => event.body;

class Store${n} extends Base {
  load(id) {
    return fetch('/items/' + id);
  }
}
`,
  },
  typescript: {
    ext: '.ts',
    make: (n) => `/* import { Hidden } from 'not-imported'; */
import type { Request } from 'express';
import * as fs from 'node:fs';
export { helper } from './helper${n}';

export interface Options${n} {
  verbose: boolean;
}

export class Service${n} {
  constructor(private readonly opts: Options${n}) {}

  async handle(req: Request): Promise<number> {
    return fs.existsSync(req.path) ? ${n} : 0;
  }
}

export const parse${n} = (text: string): number => Number(text);

export function format${n}(value: number): string {
  return \`value: \${value}\`;
}
`,
  },
  java: {
    ext: '.java',
    make: (n) => `package com.example.app${n};

import java.util.List;
import static java.util.Objects.requireNonNull;

/** class NotAClass in a comment. */
public class Repository${n} implements Store {
    private final List<String> names;

    public Repository${n}(List<String> names) {
        this.names = requireNonNull(names);
    }

    public int count${n}() {
        if (names.isEmpty()) {
            return 0;
        }
        return names.size();
    }

    enum Kind { A, B }
}
`,
  },
  go: {
    ext: '.go',
    make: (n) => `package server${n}

import (
	"fmt"
	nethttp "net/http"
)

import "strings"

// func commentedOut() {}

type Server${n} struct {
	Addr string
}

func (s *Server${n}) Start() error {
	return nethttp.ListenAndServe(s.Addr, nil)
}

func Greet${n}(name string) string {
	return fmt.Sprintf("func notAFunc() %s", strings.ToUpper(name))
}
`,
  },
  rust: {
    ext: '.rs',
    make: (n) => `use std::collections::{HashMap, HashSet};
use serde::Deserialize;

// fn commented_out() {}

pub struct Cache${n}<'a> {
    entries: HashMap<&'a str, u32>,
}

pub trait Store {
    fn get(&self, key: &str) -> Option<u32>;
}

impl<'a> Store for Cache${n}<'a> {
    fn get(&self, key: &str) -> Option<u32> {
        self.entries.get(key).copied()
    }
}

pub fn build_${n}() -> HashSet<char> {
    "fn not_a_fn()".chars().collect()
}

#[derive(Deserialize)]
enum Mode { Fast, Slow }
`,
  },
};
