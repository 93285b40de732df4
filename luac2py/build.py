"""``luac2py build APP.yaml``: load, compile every Lua file, render the package.

Each Lua source is compiled once per role it plays: as workflow code (functions
that can suspend become ``async def``, Temporal calls are lowered natively) or
as activity code (plain ``def``). Package files come from ``templates/``.
An unchanged rebuild is skipped by comparing input and output digests.
"""

from __future__ import annotations

import gc
import hashlib
import json
import keyword
import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable

import black
import jinja2
from luaparser import astnodes as lua

from .analyse import Unit
from .determinism import check_determinism
from .diagnostics import BuildError, Diagnostic, Diagnostics
from .driver import front_end, lower_chunk, render_chunk
from .emit import _BLACK_MODE, write_tree
from .load import WORKFLOW_FORBIDDEN_MODULES, App, LuaEntry, load_app
from .parse import run_deep
from .references import check_references
from .runtime.wippy.registry import MODULES, STANDARD_LIBRARIES

PACKAGE_DIR = Path(__file__).parent
TEMPLATES = PACKAGE_DIR.parent / "templates"
CACHE_FILE = Path(".luac2py") / "build-cache.json"


@dataclass
class ActivityInfo:
    task_queue: str | None
    local: bool
    worker: str | None = None


class AppContext:
    """What the lowering may ask about the app (activity IDs and their queues)."""

    def __init__(self, app: App):
        self.app = app

    def activity(self, entry_id: str) -> ActivityInfo | None:
        e = self.app.lua.get(entry_id)
        if e is None or e.role != "activity":
            return None
        return ActivityInfo(self.task_queue(e.worker), e.local, e.worker)

    def task_queue(self, worker_id: str | None) -> str | None:
        w = self.app.workers.get(worker_id) if worker_id else None
        return w.task_queue if w else None


def package_name(app: App, override: str | None) -> str:
    return override or re.sub(r"\W", "_", app.namespace.replace(".", "_"))


def _templates_dir() -> Path:
    if TEMPLATES.is_dir():
        return TEMPLATES
    from importlib import resources

    return Path(str(resources.files("luac2py.templates")))


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_templates_dir())),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
    )
    env.filters["pyrepr"] = repr
    return env


# Names the generated workflows.py / activities.py define or import: a Lua
# module must not shadow them.
_PACKAGE_NAMES = frozenset(
    {"workflow", "activity", "Any", "APP", "run_workflow", "run_activity", "WORKFLOWS", "ACTIVITIES"}
)


def _module_name(path: Path, taken: set[str]) -> str:
    base = re.sub(r"\W", "_", path.stem) or "chunk"
    if base[0].isdigit():
        base = "m_" + base
    if keyword.iskeyword(base) or base in _PACKAGE_NAMES:
        base += "_lua"
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}_{n}"
    taken.add(name)
    return name


def _class_name(entry: LuaEntry) -> str:
    words = re.split(r"[^0-9a-zA-Z]+", entry.name)
    name = "".join(w[:1].upper() + w[1:] for w in words if w) or "Workflow"
    return name if not name[0].isdigit() else "W" + name


def _exported_names(chunk) -> tuple[set[str] | None, bool]:
    """Names a chunk's final ``return { ... }`` exports; (None, True) when it
    returns a function; (None, False) when it cannot be told statically."""
    body = [s for s in chunk.body.body if not isinstance(s, lua.SemiColon)]
    if not body or not isinstance(body[-1], lua.Return) or len(body[-1].values or []) != 1:
        return None, False
    value = body[-1].values[0]
    if isinstance(value, lua.Table):
        names = set()
        for f in value.fields:
            key = getattr(f, "key", None)
            if isinstance(key, lua.Name) and not f.between_brackets:
                names.add(key.id)
            elif isinstance(key, lua.String):
                names.add(key.value)
            elif key is not None:
                return None, False
        return names, False
    if isinstance(value, lua.AnonymousFunction):
        return None, True
    if isinstance(value, lua.Name) and value.var is not None and value.var.is_function:
        return None, True
    return None, False


def _digest(parts) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p if isinstance(p, bytes) else str(p).encode())
        h.update(b"\0")
    return h.hexdigest()


def _compiler_digest() -> str:
    root = PACKAGE_DIR
    files = sorted(root.rglob("*.py")) + sorted(_templates_dir().rglob("*.j2"))
    return _digest([p.read_bytes() for p in files])


def _tree_digest(folder: Path) -> str | None:
    if not folder.is_dir():
        return None
    files = sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return _digest([str(p.relative_to(folder)).encode() + b"\0" + p.read_bytes() for p in files])


@dataclass
class Job:
    """One Lua source compiled for one role: everything a worker process needs."""

    path: Path
    display: str  # the path diagnostics show (relative to the working folder)
    chunkname: str  # the name generated code and Lua errors use (relative to the app folder)
    text: str
    role: str
    module: str
    activities: dict  # activity ID -> ActivityInfo, for the lowering
    entries: list  # (entry id, method, modules, imports, method location, entry location file)
    workers: set  # workers of the workflow entries using this source
    entry_kinds: dict  # every entry ID of the app -> its kind without ".lua", for check_references


@dataclass
class JobResult:
    source: str | None
    diagnostics: list
    exports: tuple
    search_attributes: dict = field(default_factory=dict)  # name -> Temporal type


def _compile_job(job: Job) -> JobResult:
    """parse -> resolve -> analyse -> lower -> emit for one job (runs in a worker)."""
    diags = Diagnostics()

    def work():
        front = front_end(job.text, job.display, diags)
        if front is None:
            return JobResult(None, diags.items, (None, False))
        exports = _exported_names(front[0])
        _check_requires(job, front[0], diags)
        check_references(front[0], front[2], job.display, job.entry_kinds, job.activities, diags)
        if job.role == "workflow":
            imported = frozenset(alias for _id, _method, _modules, imports, _loc, _file in job.entries for alias in imports)
            check_determinism(front[0], job.display, diags, imported)
        if diags.errors:
            return JobResult(None, diags.items, exports)
        context = _JobContext(job.activities, job.workers)
        module, lowerer, names = lower_chunk(front, job.chunkname, diags, Unit(), job.role, context)
        header = f'"""{job.chunkname} as {job.role} code (compiled by luac2py; edit the Lua, not this file)."""\n\n'
        source = None if diags.errors else render_chunk(module, lowerer, names, job.chunkname, header)
        return JobResult(source, diags.items, exports, lowerer.search_attributes)

    # A job builds large, short-lived trees and no cycles worth collecting.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return run_deep(work)
    finally:
        if gc_was_enabled:
            gc.enable()


class _JobContext:
    def __init__(self, activities: dict, workers: set):
        self.activities = activities
        self.workers = workers  # the workers of the workflows this job compiles

    def activity(self, entry_id: str):
        info = self.activities.get(entry_id)
        if info is not None and self.workers == {info.worker}:
            # Same worker as the calling workflow: its task queue is the default.
            return ActivityInfo(None, info.local, info.worker)
        return info


def _run_jobs(jobs: list[Job]) -> list[JobResult]:
    """Jobs are independent: on several cores they run in worker processes
    (black dominates the build and is single-threaded)."""
    import os

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if len(jobs) < 2 or cores < 2:
        return [_compile_job(j) for j in jobs]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Largest first, so the last job to finish is a short one.
    order = sorted(range(len(jobs)), key=lambda i: -len(jobs[i].text))
    # Forking a process that runs other threads (a Temporal client's core
    # threads, say) can copy a held lock and deadlock: spawn then.
    method = "fork" if _single_threaded() else "spawn"
    with ProcessPoolExecutor(max_workers=min(cores, len(jobs)), mp_context=multiprocessing.get_context(method)) as pool:
        results = dict(zip(order, pool.map(_compile_job, [jobs[i] for i in order])))
    return [results[i] for i in range(len(jobs))]


def _single_threaded() -> bool:
    """Whether this process has one thread (native threads included, on Linux)."""
    import os
    import threading

    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return threading.active_count() == 1


def compile_app(app: App, package: str, diags: Diagnostics) -> dict[str, str]:
    """Every file of the package (relative path -> text)."""
    context = AppContext(app)
    activities = {e.id: context.activity(e.id) for e in app.activities}
    entry_kinds = {e.id: e.kind.removesuffix(".lua") for e in app.lua.values()}
    entry_kinds.update({i: "temporal.worker" for i in app.workers})
    entry_kinds.update({i: "temporal.client" for i in app.clients})
    roles: dict[Path, set[str]] = {}
    for e in app.lua.values():
        if e.role in ("workflow", "activity"):
            roles.setdefault(e.source_path, set()).add(e.role)
    entries_of: dict[Path, list[LuaEntry]] = {}
    for e in app.lua.values():
        entries_of.setdefault(e.source_path, []).append(e)

    taken: set[str] = set()
    jobs: list[Job] = []
    for path in sorted(roles, key=str):
        for role in sorted(roles[path]):
            first = entries_of[path][0]
            name = _module_name(path if len(roles[path]) == 1 else path.with_name(f"{path.stem}_{role}"), taken)
            entries = [
                (e.id, e.method or "main", list(e.modules), dict(e.imports), e.method_loc or e.loc, e.loc.file)
                for e in entries_of[path]
            ]
            workers = {e.worker for e in entries_of[path] if e.role == "workflow"}
            chunkname = path.relative_to(app.root.resolve()).as_posix()
            jobs.append(Job(
                path, first.source_display, chunkname, first.source_text, role, name, activities, entries, workers,
                entry_kinds,
            ))
    results = _run_jobs(jobs)

    seen = set()
    for job, result in zip(jobs, results):
        for d in result.diagnostics:
            if d not in seen:  # a file compiled for two roles reports once
                seen.add(d)
                diags.items.append(d)
    for job, result in zip(jobs, results):
        _check_methods(job, result.exports, diags)
    diags.check()

    files: dict[str, str] = {}
    modules: dict[tuple[Path, str], str] = {}
    for job, result in zip(jobs, results):
        modules[(job.path, job.role)] = job.module
        files[f"{package}/lua/{job.module}.py"] = result.source
    files[f"{package}/lua/__init__.py"] = '"""The app\'s Lua sources, compiled: one module per source and role."""\n'
    search_attributes: dict[str, str] = {}
    for result in results:
        for name, kind in result.search_attributes.items():
            search_attributes.setdefault(name, kind)
    files.update(_render_package(app, package, modules, search_attributes))
    return files


def _check_methods(job: Job, exports, diags: Diagnostics) -> None:
    names, _returns_function = exports
    if names is None or job.role not in ("workflow", "activity"):
        return
    for entry_id, method, _modules, _imports, loc, _file in job.entries:
        if method not in names:
            diags.error(
                loc.file, loc.line, loc.col,
                f"'{job.display}' does not export '{method}' (entry {entry_id})",
                code="E030",
                hint=f"it exports: {', '.join(sorted(names)) or 'nothing'}",
            )


# Names `require` may load without listing them (Wippy's always-available
# modules and Lua's standard libraries).
ALWAYS_AVAILABLE = STANDARD_LIBRARIES | {name for name, m in MODULES.items() if m.always_available}


def _check_requires(job: Job, chunk, diags: Diagnostics) -> None:
    """``require("m")`` needs ``m`` in the entry's ``modules`` or ``imports``."""
    from luaparser.ast import walk

    reported = set()
    lines = job.text.split("\n")
    for node in walk(chunk):
        if not (
            isinstance(node, lua.Call)
            and isinstance(node.func, lua.Name)
            and node.func.id == "require"
            and getattr(node.func, "var", None) is None
            and node.args
            and isinstance(node.args[0], lua.String)
        ):
            continue
        module = node.args[0].value
        if job.role == "workflow" and module in WORKFLOW_FORBIDDEN_MODULES:
            continue  # check_determinism reports it (E046), with the right hint
        tok = node.first_token
        line = tok.line if tok else 1
        # luaparser keeps no token for the callee: find it on the line.
        col = lines[line - 1].find("require") + 1 or 1
        for entry_id, _method, modules, imports, _loc, yaml_file in job.entries:
            key = (line, module)
            if module in ALWAYS_AVAILABLE or module in modules or module in imports or key in reported:
                continue
            reported.add(key)
            diags.error(
                job.display, line, col,
                f"module '{module}' is not available to entry {entry_id}: it is not in its modules or imports",
                code="E031",
                hint=f"add '{module}' under modules: of {entry_id} in {yaml_file}",
            )


def _render_package(app: App, package: str, modules: dict, search_attributes: dict) -> dict[str, str]:
    env = _env()
    client = next(iter(app.clients.values()), None)
    client_fields = _client_fields(client)
    workers = [
        {"id": w.id, "task_queue": w.task_queue, "options": w.options} for w in app.workers.values()
    ]
    workflows = []
    for e in app.workflows:
        workflows.append({
            "id": e.id,
            "type_name": e.workflow_name or e.id,
            "worker": e.worker,
            "task_queue": app.workers[e.worker].task_queue,
            "class_name": _class_name(e),
            "module": modules[(e.source_path, "workflow")],
            "method": e.method or "main",
            "source": e.source_path.relative_to(app.root.resolve()).as_posix(),
        })
    _dedupe(workflows, "class_name")
    activities = []
    for e in app.activities:
        activities.append({
            "id": e.id,
            "worker": e.worker,
            "task_queue": app.workers[e.worker].task_queue,
            "local": e.local,
            "kind": e.kind.split(".")[0],
            "function": re.sub(r"\W", "_", e.name),
            "module": modules[(e.source_path, "activity")],
            "method": e.method or "main",
            "source": e.source_path.relative_to(app.root.resolve()).as_posix(),
        })
    # A function must not shadow a name activities.py imports.
    taken_names = _PACKAGE_NAMES | {a["module"] for a in activities}
    for a in activities:
        if a["function"] in taken_names:
            a["function"] += "_activity"
    _dedupe(activities, "function")
    values = {
        "package": package,
        "namespace": app.namespace,
        "client": client_fields,
        "workers": workers,
        "workflows": workflows,
        "activities": activities,
        "search_attributes": dict(sorted(search_attributes.items())),
        "workflow_modules": sorted({w["module"] for w in workflows}),
        "activity_modules": sorted({a["module"] for a in activities}),
        "first_workflow": workflows[0]["id"] if workflows else "ns:workflow",
    }
    out = {}
    for template, target in (
        ("pyproject.toml.j2", "pyproject.toml"),
        ("__init__.py.j2", f"{package}/__init__.py"),
        ("__main__.py.j2", f"{package}/__main__.py"),
        ("app.py.j2", f"{package}/app.py"),
        ("workflows.py.j2", f"{package}/workflows.py"),
        ("activities.py.j2", f"{package}/activities.py"),
        ("worker.py.j2", f"{package}/worker.py"),
        ("client.py.j2", f"{package}/client.py"),
    ):
        text = env.get_template(f"package/{template}").render(**values)
        if target.endswith(".py"):
            text = black.format_str(text, mode=_BLACK_MODE)
        out[target] = text
    return out


def _client_fields(client) -> dict:
    """``ClientSpec`` arguments (Python source) for the app's client entry:
    every setting, ``${env:NAME}`` placeholders kept for run time."""
    if client is None:
        return {"address": repr("localhost:7233"), "namespace": repr("default")}
    fields = {"address": repr(client.address), "namespace": repr(client.namespace_name)}
    if client.tq_prefix:
        fields["tq_prefix"] = repr(client.tq_prefix)
    tls, auth = dict(client.tls or {}), dict(client.auth or {})
    # mTLS's certificate and key may sit under auth (Wippy) or tls.
    cert = {k: auth.get(k, tls.get(k)) for k in ("cert_file", "key_file") if auth.get(k, tls.get(k))}
    if tls or cert or auth.get("type") == "mtls":
        args = {"enabled": tls.get("enabled", True)}
        for key in ("ca_file", "server_name"):
            if tls.get(key):
                args[key] = tls[key]
        args.update(cert)
        fields["tls"] = "TLSSpec(" + ", ".join(f"{k}={v!r}" for k, v in args.items()) + ")"
    if auth.get("type"):
        fields["auth_type"] = repr(auth["type"])
    for key in ("api_key", "api_key_file"):
        if auth.get(key):
            fields[key] = repr(str(auth[key]))
    return fields


def _dedupe(items: list[dict], key: str) -> None:
    seen: set[str] = set()
    for item in items:
        base, n = item[key], 1
        while item[key] in seen:
            n += 1
            item[key] = f"{base}_{n}"
        seen.add(item[key])


def build_app(
    app_path: str | Path,
    output: str | Path | None = None,
    package: str | None = None,
    strict: bool = False,
    on_warning: Callable[[Diagnostic], None] | None = None,
) -> Path:
    """Build the package for ``app_path``; returns the output folder.
    Each warning goes to ``on_warning``, on an unchanged rebuild too.
    Raises BuildError (with every diagnostic) when the input is wrong; with
    ``strict``, warnings are errors and the output is left as it was."""
    diags = Diagnostics()
    app = load_app(app_path, diags)
    if app is None:
        raise BuildError(_as_errors(diags.items) if strict else diags.items)
    pkg = package_name(app, package)
    out = Path(output) if output else Path("generated") / pkg
    inputs = _digest(
        [_compiler_digest(), pkg]
        + [p.read_bytes() for p in app.files]
        + [e.source_text.encode("latin-1") for e in app.lua.values()]
    )
    cache = _read_cache()
    key = str(out.resolve())
    entry = cache.get(key)
    unchanged = bool(entry) and entry.get("inputs") == inputs and entry.get("outputs") == _tree_digest(out)
    if unchanged:
        warnings = [Diagnostic(**w) for w in entry.get("warnings", [])]
    else:
        try:
            files = compile_app(app, pkg, diags)
        except BuildError as e:
            raise BuildError(_as_errors(e.diagnostics) if strict else e.diagnostics) from None
        warnings = sorted(d for d in diags.items if d.severity == "warning")
    if strict and warnings:
        raise BuildError(_as_errors(warnings))
    if not unchanged:
        write_tree(out, files)
        # The warnings are kept so that an unchanged rebuild reports them again.
        cache[key] = {"inputs": inputs, "outputs": _tree_digest(out), "warnings": [asdict(w) for w in warnings]}
        _write_cache(cache)
    for w in warnings:
        if on_warning is not None:
            on_warning(w)
    return out


def _as_errors(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """``--strict``: every warning becomes an error."""
    return [replace(d, severity="error") for d in diagnostics]


def _read_cache() -> dict:
    try:
        return json.loads(CACHE_FILE.read_text())
    except (OSError, ValueError):
        return {}


def _write_cache(cache: dict) -> None:
    try:
        CACHE_FILE.parent.mkdir(parents=True, exist_ok=True)
        CACHE_FILE.write_text(json.dumps(cache, indent=1, sort_keys=True))
    except OSError:
        pass  # the cache only saves time
