"""Pass 6: Python AST -> formatted source, line maps, and files on disk.

``render_module`` unparses the lowered module, puts a ``# file.lua:LINE``
comment on every ``def``, formats with black, then walks the formatted code's
statements alongside the lowered ones to build the Python-line -> Lua-line
table that the runtime uses for error positions (``__lua__``).

``write_tree`` writes a whole output folder atomically: a temporary sibling
folder is filled, then swapped in with renames, so a failed build never
leaves a half-written or missing package.
"""

from __future__ import annotations

import ast
import os
import shutil
import tempfile
from pathlib import Path

import black

from .lower import RUNTIME_HELPERS

_BLACK_MODE = black.Mode(target_versions={black.TargetVersion.PY311}, line_length=100)
RUNTIME_NAMES = RUNTIME_HELPERS | {"Table", "MetaTable", "Cell", "LuaSource"}


def _statement_lists(node):
    for field in ("body", "orelse", "finalbody"):
        value = getattr(node, field, None)
        if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
            yield value


def _own_nodes(stmt):
    """(node, depth) of a statement, breadth first, not entering nested statements."""
    queue = [(stmt, 0)]
    while queue:
        node, depth = queue.pop(0)
        yield node, depth
        queue.extend((c, depth + 1) for c in ast.iter_child_nodes(node) if not isinstance(c, ast.stmt))


def _pair_statements(ours, theirs, visit):
    """Walk two statement trees of the same shape together."""
    for a, b in zip(ours, theirs):
        visit(a, b)
        for la, lb in zip(_statement_lists(a), _statement_lists(b)):
            _pair_statements(la, lb, visit)


def imports_for(module: ast.Module, extra: dict[str, set[str]]) -> list[str]:
    used = {n.id for n in ast.walk(module) if isinstance(n, ast.Name)}
    by_module: dict[str, set[str]] = {k: set(v) for k, v in extra.items()}
    runtime = sorted((used & RUNTIME_NAMES) | {"LuaSource"})
    by_module.setdefault("luac2py.runtime", set()).update(runtime)
    lines = []
    for mod in sorted(by_module):
        lines.append(f"from {mod} import {', '.join(sorted(by_module[mod]))}")
        if mod == "luac2py.runtime" and "lua" in used:
            lines.append("from luac2py.runtime import lib as lua")
    return lines


class _CommentingUnparser(ast._Unparser):
    """``ast.unparse`` that ends each ``def`` line with ``# file.lua:LINE``.
    (The type-comment hook is the one place the unparser writes after the
    colon of a ``def``.)"""

    def get_type_comment(self, node):
        comment = getattr(node, "lua_comment", None)
        if comment is not None:
            return "  # " + "".join(c if c.isprintable() else "?" for c in comment)
        return super().get_type_comment(node)


def render_module(
    module: ast.Module,
    chunkname: str,
    header: str,
    imports: list[str],
    names: dict[str, str],
    footer: str = "",
    format_code: bool = True,
) -> str:
    """Formatted source of a lowered Lua chunk, with its ``__lua__`` line map
    (``format_code=False``: unformatted, for chunks compiled at run time)."""
    ast.fix_missing_locations(module)
    lines = [_CommentingUnparser().visit(module)]
    prefix = header + "\n".join(imports) + "\n\n\n"
    text = prefix + "\n".join(lines) + "\n"
    formatted = black.format_str(text, mode=_BLACK_MODE) if format_code else text
    # Line map from the formatted code.
    final = ast.parse(formatted)
    code_stmts = [s for s in final.body if not isinstance(s, (ast.Import, ast.ImportFrom, ast.Expr))]
    line_of: dict[int, int] = {}
    expr_lines: dict[int, tuple[int, int]] = {}  # Python line -> (depth, Lua line) of its innermost expression

    upvalues: dict[int, list] = {}

    def record(ours, theirs):
        if isinstance(theirs, (ast.FunctionDef, ast.AsyncFunctionDef)) and hasattr(ours, "lua_upvalues"):
            upvalues[theirs.lineno] = ours.lua_upvalues
        lua_line = getattr(ours, "lua_line", None)
        if lua_line is None:
            return
        if isinstance(theirs, (ast.FunctionDef, ast.AsyncFunctionDef)):
            # A def's own lines are its signature; its body maps line by line.
            end = theirs.body[0].lineno - 1
        else:
            end = theirs.end_lineno
        for ln in range(theirs.lineno, end + 1):
            line_of[ln] = lua_line
        if isinstance(theirs, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return
        if getattr(ours, "single_line", False):
            return
        # Expressions of a statement may come from other Lua lines. Inner
        # expressions override outer ones; where several of one depth share a
        # Python line, the earliest Lua line wins (evaluation runs left to right).
        for (a, depth), (b, _) in zip(_own_nodes(ours), _own_nodes(theirs)):
            if type(a) is not type(b):
                break  # shapes differ: keep the statement's line
            line = getattr(a, "lua_line", None)
            if line is None or not isinstance(b, ast.expr):
                continue
            for ln in range(b.lineno, b.end_lineno + 1):
                known = expr_lines.get(ln)
                best = min(line, known[1]) if known is not None and known[0] == depth else line
                expr_lines[ln] = (depth, best)
                line_of[ln] = best

    _pair_statements(module.body, code_stmts, record)
    runs = []
    last = None
    for ln in sorted(line_of):
        if line_of[ln] != last:
            runs.append(f"{ln}:{line_of[ln]}")
            last = line_of[ln]
    rename = ",".join(f"{py}={lua}" for py, lua in sorted(names.items()) if py != lua)
    args = [_quoted(chunkname), _quoted(",".join(runs))]
    if upvalues:
        # For the debug library: each def's upvalues in Lua's order, as Lua name=Python name.
        table = ";".join(f"{ln}:" + "|".join(f"{lua}={py}" for lua, py in ups) for ln, ups in sorted(upvalues.items()))
        args.append(_quoted(rename))
        args.append(_quoted(table))
    elif rename:
        args.append(_quoted(rename))
    lua_source = "__lua__ = LuaSource(\n" + "".join(f"    {a},\n" for a in args) + ")\n"
    return formatted + "\n\n" + lua_source + footer


def _quoted(text: str) -> str:
    """A string literal as black writes it (double quotes)."""
    body = "".join(
        ("\\" + c if c in '\\"' else c) if c.isprintable() else f"\\x{ord(c):02x}" if ord(c) < 256 else c
        for c in text
    )
    return '"' + body + '"'


def write_tree(target: Path, files: dict[str, str]) -> None:
    """Replace folder ``target`` with exactly ``files`` (relative path -> text), atomically."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for rel, text in sorted(files.items()):
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        old = None
        if target.exists():
            old = target.parent / f".{target.name}.old.{os.getpid()}"
            if old.exists():
                shutil.rmtree(old)
            os.rename(target, old)
        os.rename(tmp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def write_file(target: Path, text: str) -> None:
    """Write one file atomically (temp file in the same folder, then rename)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise
