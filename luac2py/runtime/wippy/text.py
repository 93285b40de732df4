"""The ``text`` module's regular expressions (``text.regexp``), with Go's
``regexp`` API as Wippy exposes it: ``compile(pattern)`` -> regexp, err;
methods ``match_string``, ``find_string``, ``find_all_string``,
``find_string_submatch``, ``find_all_string_submatch``, ``find_string_index``
(1-based, inclusive), ``replace_all_string`` (``$1`` / ``${name}``
expansion), ``split``, ``num_subexp``, ``subexp_names``, ``string``.

Patterns are RE2 syntax, which Python's ``re`` reads the same for what
Wippy code writes (classes, groups, ``(?P<name>...)``, anchors)."""

from __future__ import annotations

import re

from ..table import Table
from ..values import number_to_str, type_name
from .errors import INVALID, ErrorObject
from .module import LuaObject, Module

_GO_TEMPLATE = re.compile(r"\$(\$|\{(\w+)\}|(\w+))")


def _limit(n) -> int:
    """Go's ``n``: how many results (-1 or nil: all)."""
    return -1 if n is None or type(n) not in (int, float) else int(n)


class Regexp(LuaObject):
    lua_name = "regexp"
    lua_methods = frozenset(
        "match_string find_string find_all_string find_string_submatch find_all_string_submatch "
        "find_string_index replace_all_string split num_subexp subexp_names string".split()
    )

    def __init__(self, pattern: str, compiled: re.Pattern):
        self.pattern, self.compiled = pattern, compiled

    def match_string(self, s=None, *_):
        return self.compiled.search(_text(s)) is not None

    def find_string(self, s=None, *_):
        m = self.compiled.search(_text(s))
        return m.group(0) if m else None

    def find_all_string(self, s=None, n=None, *_):
        found = [m.group(0) for m in self._matches(s, n)]
        return Table.of(found) if found else None

    def find_string_submatch(self, s=None, *_):
        m = self.compiled.search(_text(s))
        return Table.of([g if g is not None else "" for g in (m.group(0), *m.groups())]) if m else None

    def find_all_string_submatch(self, s=None, n=None, *_):
        found = [Table.of([g if g is not None else "" for g in (m.group(0), *m.groups())]) for m in self._matches(s, n)]
        return Table.of(found) if found else None

    def find_string_index(self, s=None, *_):
        m = self.compiled.search(_text(s))
        return Table.of([m.start() + 1, m.end()]) if m else None

    def replace_all_string(self, s=None, repl=None, *_):
        template = _text(repl)

        def expand(m: re.Match) -> str:
            def one(t: re.Match) -> str:
                if t.group(1) == "$":
                    return "$"
                name = t.group(2) or t.group(3)
                try:
                    value = m.group(int(name) if name.isdigit() else name)
                except IndexError:  # no such group: Go expands it to nothing
                    return ""
                return value or ""

            return _GO_TEMPLATE.sub(one, template)

        return self.compiled.sub(expand, _text(s))

    def split(self, s=None, n=None, *_):
        s, limit = _text(s), _limit(n)
        if limit == 0:
            return Table()
        parts, start = [], 0
        for m in self.compiled.finditer(s):
            if limit > 0 and len(parts) == limit - 1:
                break
            if m.end() == 0 and m.start() == 0:
                continue  # Go skips an empty match at the start
            parts.append(s[start : m.start()])
            start = m.end()
        parts.append(s[start:])
        return Table.of(parts)

    def num_subexp(self, *_):
        return self.compiled.groups

    def subexp_names(self, *_):
        names = [""] * (self.compiled.groups + 1)
        for name, number in self.compiled.groupindex.items():
            names[number] = name
        return Table.of(names)

    def string(self, *_):
        return self.pattern

    def _matches(self, s, n):
        limit = _limit(n)
        out = []
        for m in self.compiled.finditer(_text(s)):
            if limit >= 0 and len(out) >= limit:
                break
            out.append(m)
        return out


def _text(s) -> str:
    if type(s) is str:
        return s
    if type(s) in (int, float):
        return number_to_str(s)
    return ""


class RegexpModule(Module):
    lua_fields = frozenset({"compile"})

    def compile(self, pattern=None, *_):
        if type(pattern) is not str:
            return None, ErrorObject(INVALID, f"regexp.compile expects a string, got {type_name(pattern)}", False)
        try:
            return Regexp(pattern, re.compile(pattern)), None
        except re.error as e:
            return None, ErrorObject(INVALID, f"invalid regular expression {pattern!r}: {e}", False)


class TextModule(Module):
    """``require("text")``: ``text.regexp``."""

    lua_fields = frozenset({"regexp"})
    regexp = RegexpModule()


TEXT = TextModule()
