"""Pass 1: YAML entry files -> an ``App`` model.

The app is the root YAML file, every ``_index.yaml`` in its folder and the folders
below it (sorted by folder, hidden folders skipped), and the files listed under the
root's ``include:``. Every entry and reference is checked and every Lua source read
here; each problem is reported with the YAML file:line:col of the offending key or
value (the entry's first key when something is missing). Nothing raises for user
errors: ``load_app`` reports all it finds and returns None.

| code | problem                                                          |
|------|------------------------------------------------------------------|
| E001 | YAML syntax error, or a YAML file that is not UTF-8              |
| E002 | YAML file (root or ``include:``) not found or unreadable         |
| E003 | top level of a YAML file is not a mapping                        |
| E004 | no top-level ``namespace``                                       |
| E005 | no top-level ``entries``                                         |
| E006 | entry without ``name``                                           |
| E007 | entry without ``kind``                                           |
| E008 | unknown ``kind``                                                 |
| E009 | duplicate entry ID                                               |
| E010 | ``*.lua`` entry without ``source``                               |
| E011 | ``source`` is not a ``file://`` path                             |
| E012 | source file not found or unreadable                              |
| E013 | ``source`` or ``include`` path outside the app folder            |
| E014 | workflow or activity without a worker                            |
| E015 | worker / client / import reference to an entry that is missing  |
| E016 | worker / client / import reference to an entry of another kind   |
| E017 | ``temporal.worker`` without ``task_queue``                       |
| E018 | unknown module in ``modules``                                    |
| E019 | module not allowed in workflow code                              |
| E020 | a field has the wrong type or form                               |
| E021 | ``include:`` in a file other than the root                       |
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from .diagnostics import Diagnostics
from .runtime.wippy.registry import MODULES

# Wippy's modules, as runtime/wippy/registry.py declares them.
KNOWN_MODULES = frozenset(MODULES)
WORKFLOW_FORBIDDEN_MODULES = frozenset(name for name, m in MODULES.items() if not m.in_workflows)

LUA_KINDS = ("workflow.lua", "function.lua", "process.lua", "library.lua")
KINDS = LUA_KINDS + ("temporal.worker", "temporal.client")
IMPORTABLE_KINDS = ("library.lua", "function.lua")
AUTH_TYPES = ("none", "api_key", "mtls")

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"


@dataclass
class Location:
    file: str
    line: int
    col: int


@dataclass
class LuaEntry:
    id: str
    namespace: str
    name: str
    kind: str
    loc: Location
    source_path: Path
    source_display: str
    source_text: str
    source_loc: Location
    method: str | None
    method_loc: Location | None
    modules: list[str]
    imports: dict[str, str]
    role: str
    worker: str | None
    local: bool
    workflow_name: str | None
    meta: dict


@dataclass
class WorkerEntry:
    id: str
    namespace: str
    name: str
    loc: Location
    client: str | None
    task_queue: str
    options: dict
    lifecycle: dict = field(default_factory=dict)


@dataclass
class ClientEntry:
    id: str
    namespace: str
    name: str
    loc: Location
    address: str
    namespace_name: str
    tq_prefix: str
    tls: dict
    auth: dict


@dataclass
class App:
    root: Path
    files: list[Path]
    namespace: str
    lua: dict[str, LuaEntry] = field(default_factory=dict)
    workers: dict[str, WorkerEntry] = field(default_factory=dict)
    clients: dict[str, ClientEntry] = field(default_factory=dict)

    def _by_role(self, role: str) -> list[LuaEntry]:
        return [e for e in self.lua.values() if e.role == role]

    @property
    def workflows(self) -> list[LuaEntry]:
        return self._by_role("workflow")

    @property
    def activities(self) -> list[LuaEntry]:
        return self._by_role("activity")

    @property
    def libraries(self) -> list[LuaEntry]:
        return self._by_role("library")


def load_app(path: str | Path, diags: Diagnostics) -> App | None:
    """Read the app whose root YAML file is ``path``; None when any error was reported."""
    before = len(diags.errors)
    app = _Loader(diags, _abs(path)).load()
    return app if len(diags.errors) == before else None


def _abs(path) -> Path:
    # Normalised but not symlink-resolved, so displayed paths look as the user wrote them.
    return Path(os.path.abspath(path))


def _fields(node: MappingNode) -> dict[str, tuple[Node, Node]]:
    return {k.value: (k, v) for k, v in node.value if isinstance(k, ScalarNode)}


def _get(fields: dict[str, tuple[Node, Node]], key: str) -> Node | None:
    """The value node under ``key``; None when absent or written empty (null)."""
    node = fields.get(key, (None, None))[1]
    return None if node is None or node.tag == _NULL else node


def _text(node: Node) -> str | None:
    return node.value if isinstance(node, ScalarNode) and node.tag == _STR else None


def _value(node: Node):
    return SafeConstructor().construct_document(node)


def _ident_ok(text: str | None) -> bool:
    return bool(text) and ":" not in text and not any(c.isspace() for c in text)


def _line_col(data: str | bytes, offset: int) -> tuple[int, int]:
    newline = "\n" if isinstance(data, str) else b"\n"
    return data.count(newline, 0, offset) + 1, offset - data.rfind(newline, 0, offset)


def _suggest(word: str, choices, listing: str | None = None) -> str | None:
    choices = sorted(choices)
    close = difflib.get_close_matches(word, choices, n=1)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"{listing}: {', '.join(choices)}" if listing else None


def suggest_id(target: str, ids: list[str]) -> str | None:
    # Names are compared first: IDs in one namespace share a prefix that would make any two look alike.
    def name(entry_id):
        return entry_id.rpartition(":")[2]

    close = difflib.get_close_matches(name(target), sorted({name(i) for i in ids}), n=1)
    if not close:
        return None
    best = difflib.get_close_matches(target, sorted(i for i in ids if name(i) == close[0]), n=1, cutoff=0)
    return f"did you mean '{best[0]}'?"


@dataclass
class _File:
    path: Path
    display: str
    node: Node | None

    def loc(self, node: Node | None) -> Location:
        if node is None:
            return Location(self.display, 1, 1)
        return Location(self.display, node.start_mark.line + 1, node.start_mark.column + 1)


@dataclass
class _Raw:
    """An entry with a valid ID and a known kind, waiting for phase 2."""

    file: _File
    fields: dict[str, tuple[Node, Node]]
    namespace: str
    name: str
    kind: str
    id: str
    loc: Location
    first: bool  # False for a duplicate ID: still checked, not kept


class _Loader:
    def __init__(self, diags: Diagnostics, root_file: Path):
        self.diags = diags
        self.cwd = Path(os.getcwd())
        self.root_file = root_file
        self.root = root_file.parent
        self.root_real = self.root.resolve()
        self.kinds: dict[str, str | None] = {}  # every entry ID -> its kind, across files
        self.defined: dict[str, Location] = {}

    def error(self, at: Location, message: str, code: str, hint: str | None = None) -> None:
        self.diags.error(at.file, at.line, at.col, message, code=code, hint=hint)

    def warning(self, at: Location, message: str, code: str, hint: str | None = None) -> None:
        self.diags.warning(at.file, at.line, at.col, message, code=code, hint=hint)

    def display(self, path: Path) -> str:
        return str(path.relative_to(self.cwd)) if path.is_relative_to(self.cwd) else str(path)

    # -- files ---------------------------------------------------------------

    def load(self) -> App | None:
        root = self.read(self.root_file, None)
        if root is None:
            return None
        files = [root]
        seen = {self.root_file.resolve()}
        for path, at in [(p, None) for p in self.index_files()] + self.includes(root):
            if path.resolve() not in seen:
                seen.add(path.resolve())
                file = self.read(path, at)
                if file is not None:
                    files.append(file)

        raws: list[_Raw] = []
        namespaces = [self.scan(file, file is root, raws) for file in files]
        app = App(root=self.root, files=[f.path for f in files], namespace=namespaces[0] or "")
        for raw in raws:
            if raw.kind == "temporal.worker":
                entry, table = self.worker(raw), app.workers
            elif raw.kind == "temporal.client":
                entry, table = self.client(raw), app.clients
            else:
                entry, table = self.lua(raw), app.lua
            if raw.first:
                table[raw.id] = entry
        return app

    def read(self, path: Path, at: Location | None) -> _File | None:
        display = self.display(path)
        at = at or Location(display, 1, 1)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            self.error(at, f"file not found: {display}", "E002")
            return None
        except OSError as exc:
            self.error(at, f"cannot read {display}: {exc.strerror}", "E002")
            return None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            self.error(Location(display, *_line_col(data, exc.start)), "YAML file is not valid UTF-8", "E001")
            return None
        try:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
            if node is not None:
                _value(node)  # reports bad tags now; also expands `<<` merge keys in place
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            where = Location(display, mark.line + 1, mark.column + 1) if mark else at
            message = f"YAML syntax error: {exc.problem or exc.context}"
            if exc.problem and exc.context:
                message += f" ({exc.context})"
            self.error(where, message, "E001")
            return None
        except ReaderError as exc:  # a control character; its position is an index into `text`
            self.error(Location(display, *_line_col(text, exc.position)), f"YAML syntax error: {exc.reason}", "E001")
            return None
        except (yaml.YAMLError, ValueError) as exc:  # e.g. `!!int abc`: PyYAML gives no position
            self.error(at, f"YAML syntax error: {exc}", "E001")
            return None
        return _File(path, display, node)

    def index_files(self) -> list[Path]:
        found = []
        for folder, subfolders, names in os.walk(self.root):
            subfolders[:] = [d for d in subfolders if not d.startswith(".")]  # .git, caches
            if "_index.yaml" in names:
                found.append(Path(folder) / "_index.yaml")
        return sorted(found, key=lambda p: p.parent.relative_to(self.root).parts)

    def includes(self, root: _File) -> list[tuple[Path, Location]]:
        if not isinstance(root.node, MappingNode):
            return []
        node = _get(_fields(root.node), "include")
        if node is None:
            return []
        if not isinstance(node, SequenceNode):
            self.error(root.loc(node), "'include' must be a list of YAML file paths", "E020")
            return []
        found = []
        for item in node.value:
            text = _text(item)
            if not text:
                self.error(root.loc(item), "'include' must be a list of YAML file paths", "E020")
                continue
            path = self.inside(root, text, root.loc(item), "included file")
            if path is not None:
                found.append((path, root.loc(item)))
        return found

    def inside(self, file: _File, rel: str, at: Location, what: str) -> Path | None:
        """``rel`` (relative to ``file``) as a path, or None (reported) when it leaves the app folder."""
        path = _abs(file.path.parent / rel)
        # Resolved, so neither `..` nor a symlink can lead out of the app.
        if not path.resolve().is_relative_to(self.root_real):
            self.error(at, f"{what} '{rel}' is outside the app folder '{self.display(self.root)}'", "E013")
            return None
        return path

    # -- phase 1: top level, entry IDs and kinds --------------------------------

    def scan(self, file: _File, is_root: bool, raws: list[_Raw]) -> str | None:
        """Collect the file's entries into ``raws``; return its namespace."""
        top = file.node
        if not isinstance(top, MappingNode):
            self.error(file.loc(top), "top level must be a mapping with 'namespace' and 'entries'", "E003")
            return None
        fields = _fields(top)
        if not is_root and "include" in fields:
            self.error(
                file.loc(fields["include"][0]),
                "'include' is only read from the root YAML file",
                "E021",
                hint=f"list this file's includes in {self.display(self.root_file)}",
            )

        namespace = None
        if "namespace" not in fields:
            self.error(file.loc(top), "missing top-level 'namespace'", "E004")
        else:
            node = fields["namespace"][1]
            namespace = _text(node)
            if not _ident_ok(namespace):
                self.error(file.loc(node), "'namespace' must be a non-empty string without ':' or spaces", "E020")
                namespace = None

        if "entries" not in fields:
            self.error(file.loc(top), "missing top-level 'entries'", "E005")
            return namespace
        entries = fields["entries"][1]
        if entries.tag == _NULL:
            return namespace
        if not isinstance(entries, SequenceNode):
            self.error(file.loc(entries), "'entries' must be a list of entries", "E020")
            return namespace
        for node in entries.value:
            raw = self.scan_entry(file, namespace, node)
            if raw is not None:
                raws.append(raw)
        return namespace

    def scan_entry(self, file: _File, namespace: str | None, node: Node) -> _Raw | None:
        loc = file.loc(node)
        if not isinstance(node, MappingNode):
            self.error(loc, "an entry must be a mapping with 'name' and 'kind'", "E020")
            return None
        fields = _fields(node)

        name_node = _get(fields, "name")
        name = None
        if name_node is None:
            self.error(loc, "entry has no 'name'", "E006")
        elif _ident_ok(_text(name_node)):
            name = _text(name_node)
        else:
            self.error(file.loc(name_node), "'name' must be a non-empty string without ':' or spaces", "E020")
        entry_id = f"{namespace}:{name}" if namespace and name else None
        label = f"entry '{entry_id}'" if entry_id else "entry"

        kind_node = _get(fields, "kind")
        kind = None if kind_node is None else _text(kind_node)
        if kind_node is None:
            self.error(loc, f"{label} has no 'kind'", "E007", hint=f"known kinds: {', '.join(KINDS)}")
        elif kind is None:
            self.error(file.loc(kind_node), "'kind' must be a string", "E020")
        elif kind not in KINDS:
            self.error(file.loc(kind_node), f"unknown kind '{kind}'", "E008", hint=_suggest(kind, KINDS, "known kinds"))

        if entry_id is None:
            return None
        first = entry_id not in self.defined
        if first:
            self.defined[entry_id] = loc
            self.kinds[entry_id] = kind
        else:
            where = self.defined[entry_id]
            self.error(
                file.loc(name_node),
                f"duplicate entry ID '{entry_id}'",
                "E009",
                hint=f"first defined at {where.file}:{where.line}:{where.col}",
            )
        if kind not in KINDS:
            return None
        return _Raw(file, fields, namespace, name, kind, entry_id, loc, first)

    # -- phase 2: fields and references ----------------------------------------

    def ref(self, raw: _Raw, node: Node, kinds: tuple[str, ...], what: str) -> str | None:
        """Resolve an entry reference (relative ones in the entry's namespace) and check its kind."""
        at = raw.file.loc(node)
        text = _text(node)
        if not text:
            self.error(at, "expected an entry ID like 'app:name'", "E020")
            return None
        target = text if ":" in text else f"{raw.namespace}:{text}"
        expected = " or ".join(kinds)
        if target not in self.kinds:
            hint = suggest_id(target, [i for i, k in self.kinds.items() if k in kinds])
            if hint is None and ":" not in text:
                hint = f"'{text}' has no namespace, so it was looked up in '{raw.namespace}'"
            self.error(at, f"{what} '{target}' does not exist", "E015", hint=hint)
        elif self.kinds[target] not in kinds:
            self.error(at, f"{what} '{target}' is a {self.kinds[target]} entry, not a {expected}", "E016")
        return target

    def string(self, raw: _Raw, fields, key: str, default: str | None) -> str | None:
        node = _get(fields, key)
        if node is None:
            return default
        text = _text(node)
        if text is None:
            self.error(raw.file.loc(node), f"'{key}' must be a string", "E020")
        return text

    def mapping(self, raw: _Raw, fields, key: str, where: str) -> MappingNode | None:
        """The mapping node under ``key``; None when absent, empty or (reported) not a mapping."""
        node = _get(fields, key)
        if node is None or isinstance(node, MappingNode):
            return node
        self.error(raw.file.loc(node), f"'{where}' must be a mapping", "E020")
        return None

    def as_dict(self, raw: _Raw, fields, key: str) -> dict:
        node = self.mapping(raw, fields, key, key)
        return {} if node is None else _value(node)

    def lua(self, raw: _Raw) -> LuaEntry:
        f, file = raw.fields, raw.file
        source_path, source_display, source_text, source_loc = self.source(raw)

        method_node = _get(f, "method")
        method = None if raw.kind == "library.lua" else "main"
        method_loc = None
        if method_node is not None:
            method_loc = file.loc(method_node)
            method = _text(method_node)
            if not method:
                self.error(method_loc, "'method' must be the name of an exported function", "E020")

        modules = self.modules(raw)

        imports = {}
        imports_node = self.mapping(raw, f, "imports", "imports")
        if imports_node is not None:
            for alias, (_, node) in _fields(imports_node).items():
                imports[alias] = self.ref(raw, node, IMPORTABLE_KINDS, f"import '{alias}': entry")

        meta_node = self.mapping(raw, f, "meta", "meta")
        meta_fields = {} if meta_node is None else _fields(meta_node)
        temporal = self.mapping(raw, meta_fields, "temporal", "meta.temporal")
        temporal_fields = {} if temporal is None else _fields(temporal)

        if raw.kind == "workflow.lua":
            role, section = "workflow", "workflow"
        elif raw.kind == "library.lua":
            role, section = "library", None
        elif "activity" in temporal_fields:
            role, section = "activity", "activity"
        else:
            role, section = "function", None

        worker, local, workflow_name = None, False, None
        if section is not None:
            node = self.mapping(raw, temporal_fields, section, f"meta.temporal.{section}")
            fields = {} if node is None else _fields(node)
            worker_node = _get(fields, "worker")
            if worker_node is None:
                self.error(raw.loc, f"{role} '{raw.id}' has no worker: set meta.temporal.{section}.worker", "E014")
            else:
                worker = self.ref(raw, worker_node, ("temporal.worker",), "worker")
            if role == "workflow":
                workflow_name = self.string(raw, fields, "name", None)
            elif (local_node := _get(fields, "local")) is not None:
                if local_node.tag == _BOOL:
                    local = _value(local_node)
                else:
                    self.error(file.loc(local_node), "'local' must be true or false", "E020")

        return LuaEntry(
            id=raw.id,
            namespace=raw.namespace,
            name=raw.name,
            kind=raw.kind,
            loc=raw.loc,
            source_path=source_path,
            source_display=source_display,
            source_text=source_text,
            source_loc=source_loc,
            method=method,
            method_loc=method_loc,
            modules=modules,
            imports=imports,
            role=role,
            worker=worker,
            local=local,
            workflow_name=workflow_name,
            meta={} if meta_node is None else _value(meta_node),
        )

    def source(self, raw: _Raw) -> tuple[Path | None, str, str, Location]:
        node = _get(raw.fields, "source")
        if node is None:
            self.error(raw.loc, f"entry '{raw.id}' has no 'source'", "E010", hint=f"add source: file://{raw.name}.lua")
            return None, "", "", raw.loc
        at = raw.file.loc(node)
        text = _text(node)
        if text is None or not text.startswith("file://"):
            self.error(
                at,
                "'source' must be a file:// path",
                "E011",
                hint=f"put the Lua code in a file and write source: file://{raw.name}.lua",
            )
            return None, "", "", at
        path = self.inside(raw.file, text.removeprefix("file://"), at, "source path")
        if path is None:
            return None, "", "", at
        display = self.display(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            self.error(at, f"source file not found: {display}", "E012")
            return path, display, "", at
        except OSError as exc:
            self.error(at, f"cannot read source file {display}: {exc.strerror}", "E012")
            return path, display, "", at
        return path, display, data.decode("latin-1"), at

    def modules(self, raw: _Raw) -> list[str]:
        node = _get(raw.fields, "modules")
        if node is None:
            return []
        if not isinstance(node, SequenceNode):
            self.error(raw.file.loc(node), "'modules' must be a list of module names", "E020")
            return []
        modules = []
        for item in node.value:
            at = raw.file.loc(item)
            name = _text(item)
            if name is None:
                self.error(at, "'modules' must be a list of module names", "E020")
                continue
            if name not in KNOWN_MODULES:
                self.error(at, f"unknown module '{name}'", "E018", hint=_suggest(name, KNOWN_MODULES, "known modules"))
            elif raw.kind == "workflow.lua" and name in WORKFLOW_FORBIDDEN_MODULES:
                self.error(
                    at, f"module '{name}' is not allowed in workflow code", "E019", hint="call it from an activity"
                )
            modules.append(name)
        return modules

    def worker(self, raw: _Raw) -> WorkerEntry:
        client_node = _get(raw.fields, "client")
        client = None if client_node is None else self.ref(raw, client_node, ("temporal.client",), "client")
        queue_node = _get(raw.fields, "task_queue")
        task_queue = None if queue_node is None else _text(queue_node)
        if queue_node is None:
            self.error(raw.loc, f"worker '{raw.id}' has no 'task_queue'", "E017", hint="add task_queue: NAME")
        elif not task_queue:
            self.error(raw.file.loc(queue_node), "'task_queue' must be a non-empty string", "E020")
        return WorkerEntry(
            id=raw.id,
            namespace=raw.namespace,
            name=raw.name,
            loc=raw.loc,
            client=client,
            task_queue=task_queue or "",
            options=self.as_dict(raw, raw.fields, "worker_options"),
            lifecycle=self.as_dict(raw, raw.fields, "lifecycle"),
        )

    def client(self, raw: _Raw) -> ClientEntry:
        f = raw.fields
        auth_node = self.mapping(raw, f, "auth", "auth")
        if auth_node is not None:
            type_node = _get(_fields(auth_node), "type")
            auth_type = None if type_node is None else _text(type_node)
            # `${env:NAME}` is resolved at run time, so only literal types are checked.
            if type_node is not None and auth_type not in AUTH_TYPES and "${env:" not in (auth_type or ""):
                self.error(
                    raw.file.loc(type_node),
                    f"auth type '{type_node.value}' is not one of {', '.join(AUTH_TYPES)}",
                    "E020",
                )
            key_node = _get(_fields(auth_node), "api_key")
            if key_node is not None and "${env:" not in (_text(key_node) or ""):
                # The package keeps settings as written: a literal key would be in generated/.
                self.warning(
                    raw.file.loc(key_node),
                    "auth.api_key is a literal: it is written into the generated package as it is",
                    "W020",
                    hint="give it as ${env:NAME} (resolved when the package runs) or use api_key_file",
                )
        return ClientEntry(
            id=raw.id,
            namespace=raw.namespace,
            name=raw.name,
            loc=raw.loc,
            address=self.string(raw, f, "address", "localhost:7233"),
            namespace_name=self.string(raw, f, "namespace", "default"),
            tq_prefix=self.string(raw, f, "tq_prefix", ""),
            tls=self.as_dict(raw, f, "tls"),
            auth={} if auth_node is None else _value(auth_node),
        )
