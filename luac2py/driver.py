"""The build driver: runs the passes in order for a script or an app."""

from __future__ import annotations

from pathlib import Path

from .analyse import Unit, all_scopes, analyse
from .diagnostics import BuildError, Diagnostics
from .emit import imports_for, render_module, write_file
from . import lower
from .parse import parse_file, run_deep
from .resolve import resolve


def front_end(text: str, display: str, diags: Diagnostics):
    """parse + resolve: (chunk, root scope, resolver), or None after errors."""
    chunk = parse_file(display, text, diags)
    if chunk is None:
        return None
    root, resolver = resolve(chunk, display, diags)
    return chunk, root, resolver


def lower_chunk(front, display: str, diags: Diagnostics, unit: Unit, role: str, app_context=None):
    chunk, root, resolver = front
    analyse(chunk, root, resolver, unit, role)
    cx = lower.new_context(display, diags, unit, role=role, app_context=app_context)
    module = lower.lower_chunk(cx, chunk, root)
    names = {}
    for scope in all_scopes(root):
        for v in scope.vars:
            if v.py and v.py != v.name:
                names.setdefault(v.py, v.name)
    return module, cx, names


def render_chunk(
    module, cx: lower.LowerContext, names: dict, display: str, header: str, footer: str = "", format_code: bool = True
) -> str:
    imports = imports_for(module, cx.imports)
    return render_module(module, display, header, imports, names, footer, format_code)


def compile_for_load(text: str, chunkname: str) -> str:
    """Lua's ``load`` at run time (the ``luac2py.compiler`` entry point the
    runtime's loader finds): unformatted Python source of the chunk, whose
    ``chunk(_ENV, ...)`` may run in any environment. A chunk that does not
    compile raises SyntaxError with Lua's message."""
    diags = Diagnostics()

    def work():
        front = front_end(text, chunkname, diags)
        diags.check()
        unit = Unit()
        unit.env_as_value = True  # load's 4th argument can give it any environment
        module, lowerer, names = lower_chunk(front, chunkname, diags, unit, "script")
        diags.check()
        return render_chunk(module, lowerer, names, chunkname, "", format_code=False)

    try:
        return run_deep(work)
    except BuildError as e:
        first = e.diagnostics[0]
        raise SyntaxError(f"{first.file}:{first.line}: {first.message}") from None


SCRIPT_FOOTER = """

if __name__ == "__main__":
    from luac2py.runtime.script import run_script

    run_script(chunk, __lua__{})
"""


def compile_script(path: str | Path, output: str | Path | None = None, chunkname: str | None = None) -> Path:
    """``luac2py script FILE.lua [-o OUT.py]``: a standalone Python program.
    ``chunkname`` is the name errors show (default: the path as given)."""
    path = Path(path)
    display = chunkname or str(path)
    diags = Diagnostics()
    try:
        text = path.read_bytes().decode("latin-1")
    except OSError as e:
        diags.error(display, 1, 1, f"cannot read {display}: {e.strerror}", code="E001")
        raise BuildError(diags.items) from None

    def work():
        front = front_end(text, display, diags)
        diags.check()
        unit = Unit()
        module, lowerer, names = lower_chunk(front, display, diags, unit, "script")
        diags.check()
        header = f'"""Compiled from {path.name} by luac2py."""\n\n'
        # A script using channel or coroutine.spawn runs on an event loop.
        footer = SCRIPT_FOOTER.format(", concurrent=True" if unit.concurrent else "")
        return render_chunk(module, lowerer, names, display, header, footer)

    source = run_deep(work)
    out = Path(output) if output else path.with_suffix(".py")
    write_file(out, source)
    return out
