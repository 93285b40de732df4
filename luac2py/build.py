"""``luac2py build APP.yaml``: load, compile every Lua file, render the package.

Each Lua source is compiled once per role it plays: as workflow code (functions
that can suspend become ``async def``, Temporal calls are lowered natively) or
as activity code (plain ``def``; activities and ordinary code, function
entries without ``meta.temporal``). What an entry imports is compiled in the
entry's role, transitively; a library nothing imports is not compiled.
Package files come from ``templates/``. An unchanged rebuild is skipped by
comparing input and output digests.
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
from .load import App, LuaEntry, load_app
from .parse import run_deep
from .references import check_references
from .requires import EntryRules, check_requires

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
    | {"Sequence", "RawValue", "WorkflowProcess"}
    | {"ActivitySpec", "AppSpec", "ClientSpec", "EntrySpec", "TLSSpec", "WorkerSpec", "WorkflowSpec"}
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


# The role an entry's own code is compiled for.
CODE_ROLES = {"workflow": "workflow", "activity": "activity", "function": "activity"}


@dataclass
class JobEntry:
    """An entry whose code a job compiles."""

    rules: EntryRules  # its require rules; method None when it is (also) loaded through imports
    method: str | None  # the function it runs from this file; None when it is only imported here
    loc: object  # where its method (else the entry) is written


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
    entries: list[JobEntry]  # the entries using this source in this role
    workers: set  # workers of the workflows whose code reaches this source
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
        check_requires(front[0], job.display, job.text, job.role, [e.rules for e in job.entries], diags)
        # Outside workflows funcs.call runs any function entry in the process.
        callees = job.activities if job.role == "workflow" else [i for i, k in job.entry_kinds.items() if k in ("function", "process")]
        check_references(front[0], front[2], job.display, job.entry_kinds, callees, diags)
        if job.role == "workflow":
            imported = frozenset(alias for e in job.entries for alias in e.rules.imports)
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


def code_roles(app: App) -> dict[str, dict[str, bool]]:
    """Entry ID -> each role its code is compiled for -> whether it is loaded
    there through ``imports:`` (else it only runs as an entry: workflows as
    workflow code, activities and ordinary functions as activity code).
    Imports are followed in the importer's role, transitively."""
    roles: dict[str, dict[str, bool]] = {}
    todo = []
    for e in app.lua.values():
        if e.role in CODE_ROLES:
            roles.setdefault(e.id, {})[CODE_ROLES[e.role]] = False
            todo.append((e, CODE_ROLES[e.role]))
    while todo:
        e, role = todo.pop()
        for target in e.imports.values():
            known = roles.setdefault(target, {})
            if not known.get(role):
                if role not in known:
                    todo.append((app.lua[target], role))
                known[role] = True
    return roles


def _imported_by(app: App, entry: LuaEntry) -> set[str]:
    """The entries ``entry`` imports, transitively, itself included."""
    seen, todo = set(), [entry.id]
    while todo:
        entry_id = todo.pop()
        if entry_id not in seen:
            seen.add(entry_id)
            todo.extend(app.lua[entry_id].imports.values())
    return seen


def compile_app(app: App, package: str, diags: Diagnostics) -> dict[str, str]:
    """Every file of the package (relative path -> text)."""
    context = AppContext(app)
    activities = {e.id: context.activity(e.id) for e in app.activities}
    entry_kinds = {e.id: e.kind.removesuffix(".lua") for e in app.lua.values()}
    entry_kinds.update({i: "temporal.worker" for i in app.workers})
    entry_kinds.update({i: "temporal.client" for i in app.clients})
    roles = code_roles(app)
    users: dict[tuple[Path, str], list[JobEntry]] = {}  # (source, role) -> the entries whose code it is
    for e in app.lua.values():
        for role, imported in sorted(roles.get(e.id, {}).items()):
            runs = CODE_ROLES.get(e.role) == role
            rules = EntryRules(
                e.id, None if imported else e.method, frozenset(e.modules), frozenset(e.imports), e.loc.file
            )
            users.setdefault((e.source_path, role), []).append(
                JobEntry(rules, e.method if runs else None, e.method_loc or e.loc)
            )
    # A workflow's activity calls default to its own worker's queue: a
    # source reached from workflows of several workers names queues.
    workers: dict[Path, set] = {}
    for w in app.workflows:
        for entry_id in _imported_by(app, w):
            workers.setdefault(app.lua[entry_id].source_path, set()).add(w.worker)

    taken: set[str] = set()
    jobs: list[Job] = []
    paths = sorted({path for path, _role in users}, key=str)
    for path in paths:
        path_roles = sorted(role for p, role in users if p == path)
        for role in path_roles:
            entries = users[path, role]
            first = app.lua[entries[0].rules.id]
            name = _module_name(path if len(path_roles) == 1 else path.with_name(f"{path.stem}_{role}"), taken)
            chunkname = path.relative_to(app.root.resolve()).as_posix()
            jobs.append(Job(
                path, first.source_display, chunkname, first.source_text, role, name, activities, entries,
                workers.get(path, set()) if role == "workflow" else set(), entry_kinds,
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
    files.update(_render_package(app, package, modules, roles, search_attributes))
    return files


def _check_methods(job: Job, exports, diags: Diagnostics) -> None:
    names, _returns_function = exports
    if names is None:
        return
    for entry in job.entries:
        if entry.method is not None and entry.method not in names:
            diags.error(
                entry.loc.file, entry.loc.line, entry.loc.col,
                f"'{job.display}' does not export '{entry.method}' (entry {entry.rules.id})",
                code="E030",
                hint=f"it exports: {', '.join(sorted(names)) or 'nothing'}",
            )


def _render_package(app: App, package: str, modules: dict, roles: dict, search_attributes: dict) -> dict[str, str]:
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
            "method": e.method or "main",
            "source": e.source_path.relative_to(app.root.resolve()).as_posix(),
        })
    # A function must not shadow a name activities.py imports.
    for a in activities:
        if a["function"] in _PACKAGE_NAMES:
            a["function"] += "_activity"
    _dedupe(activities, "function")
    entries = []
    for e in app.lua.values():
        if e.id not in roles:
            continue  # a library nothing imports
        entries.append({
            "id": e.id,
            "kind": e.role,
            "method": e.method,
            "modules": tuple(e.modules),
            "imports": dict(e.imports),
            **{f"{role}_code": modules.get((e.source_path, role)) if role in roles[e.id] else None for role in ("workflow", "activity")},
        })
    values = {
        "package": package,
        "namespace": app.namespace,
        "client": client_fields,
        "workers": workers,
        "workflows": workflows,
        "activities": activities,
        "search_attributes": dict(sorted(search_attributes.items())),
        "entries": entries,
        "modules": sorted(set(modules.values())),
        "first_workflow": workflows[0]["id"] if workflows else "ns:workflow",
        "first_function": next((e["id"] for e in entries if e["kind"] == "function"), "ns:function"),
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
    fields = {"id": repr(client.id), "address": repr(client.address), "namespace": repr(client.namespace_name)}
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
