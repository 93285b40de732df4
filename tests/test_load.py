"""Pass 1 (luac2py/load.py): YAML entry files -> App model, and every load diagnostic."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from luac2py.diagnostics import Diagnostics
from luac2py.load import KNOWN_MODULES, WORKFLOW_FORBIDDEN_MODULES, Location, load_app

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "load"


@pytest.fixture
def fixtures(monkeypatch):
    # Diagnostics show paths relative to the working directory.
    monkeypatch.chdir(FIXTURES)


def load_ok(path):
    diags = Diagnostics()
    app = load_app(path, diags)
    assert [d.render() for d in diags.items] == []
    return app


def diagnose(path) -> list[str]:
    diags = Diagnostics()
    assert load_app(path, diags) is None
    return [f"{d.code} {d.render()}" for d in sorted(diags.items)]


# One fixture per diagnostic: case folder -> its diagnostics as "CODE file:line:col: error: message".
# fmt: off
ERRORS = {
    "e001_syntax": [
        "E001 e001_syntax/app.yaml:6:4: error: YAML syntax error: expected <block end>, but found '<block"
        " mapping start>' (while parsing a block collection)",
    ],
    "e001_not_utf8": [
        "E001 e001_not_utf8/app.yaml:2:21: error: YAML file is not valid UTF-8",
    ],
    "e002_include_missing": [
        "E002 e002_include_missing/app.yaml:4:5: error: file not found:"
        " e002_include_missing/more/entries.yaml",
    ],
    "e003_not_mapping": [
        "E003 e003_not_mapping/app.yaml:1:1: error: top level must be a mapping with 'namespace' and"
        " 'entries'",
    ],
    "e004_no_namespace": [
        "E004 e004_no_namespace/app.yaml:1:1: error: missing top-level 'namespace'",
    ],
    "e005_no_entries": [
        "E005 e005_no_entries/app.yaml:1:1: error: missing top-level 'entries'",
    ],
    "e006_no_name": [
        "E006 e006_no_name/app.yaml:10:5: error: entry has no 'name'",
    ],
    "e007_no_kind": [
        "E007 e007_no_kind/app.yaml:4:5: error: entry 'app:lib' has no 'kind'\n"
        "  hint: known kinds: workflow.lua, function.lua, process.lua, library.lua, temporal.worker,"
        " temporal.client",
    ],
    "e008_unknown_kind": [
        "E008 e008_unknown_kind/app.yaml:5:11: error: unknown kind 'libary.lua'\n"
        "  hint: did you mean 'library.lua'?",
        "E008 e008_unknown_kind/app.yaml:8:11: error: unknown kind 'process.service'\n"
        "  hint: did you mean 'process.lua'?",
    ],
    "e009_duplicate_id": [
        "E009 e009_duplicate_id/sub/_index.yaml:4:11: error: duplicate entry ID 'app:helper'\n"
        "  hint: first defined at e009_duplicate_id/app.yaml:4:5",
    ],
    "e010_no_source": [
        "E010 e010_no_source/app.yaml:4:5: error: entry 'app:lib' has no 'source'\n"
        "  hint: add source: file://lib.lua",
    ],
    "e011_source_not_file": [
        "E011 e011_source_not_file/app.yaml:6:13: error: 'source' must be a file:// path\n"
        "  hint: put the Lua code in a file and write source: file://lib.lua",
    ],
    "e012_source_missing": [
        "E012 e012_source_missing/app.yaml:6:13: error: source file not found:"
        " e012_source_missing/src/missing.lua",
    ],
    "e013_source_outside": [
        "E013 e013_source_outside/app.yaml:6:13: error: source path '../lib.lua' is outside the app folder"
        " 'e013_source_outside'",
    ],
    "e013_include_outside": [
        "E013 e013_include_outside/app.yaml:3:11: error: included file '../e009_duplicate_id/app.yaml' is"
        " outside the app folder 'e013_include_outside'",
    ],
    "e014_workflow_no_worker": [
        "E014 e014_workflow_no_worker/app.yaml:4:5: error: workflow 'app:order_workflow' has no worker: set"
        " meta.temporal.workflow.worker",
    ],
    "e014_activity_no_worker": [
        "E014 e014_activity_no_worker/app.yaml:4:5: error: activity 'app:charge' has no worker: set"
        " meta.temporal.activity.worker",
    ],
    "e015_worker_missing": [
        "E015 e015_worker_missing/app.yaml:16:19: error: worker 'app:wroker' does not exist\n"
        "  hint: did you mean 'app:worker'?",
    ],
    "e015_client_missing": [
        "E015 e015_client_missing/app.yaml:6:13: error: client 'app:temporal_client' does not exist\n"
        "  hint: 'temporal_client' has no namespace, so it was looked up in 'app'",
    ],
    "e015_import_missing": [
        "E015 e015_import_missing/app.yaml:14:13: error: import 'util': entry 'app.shared:util' does not"
        " exist",
    ],
    "e016_worker_wrong_kind": [
        "E016 e016_worker_wrong_kind/app.yaml:16:19: error: worker 'app:client' is a temporal.client entry,"
        " not a temporal.worker",
    ],
    "e016_client_wrong_kind": [
        "E016 e016_client_wrong_kind/app.yaml:6:13: error: client 'app:worker' is a temporal.worker entry,"
        " not a temporal.client",
    ],
    "e016_import_wrong_kind": [
        "E016 e016_import_wrong_kind/app.yaml:13:22: error: import 'other': entry 'app:other' is a"
        " workflow.lua entry, not a library.lua or function.lua",
    ],
    "e017_no_task_queue": [
        "E017 e017_no_task_queue/app.yaml:4:5: error: worker 'app:worker' has no 'task_queue'\n"
        "  hint: add task_queue: NAME",
    ],
    "e018_unknown_module": [
        "E018 e018_unknown_module/app.yaml:15:9: error: unknown module 'htpp_client'\n"
        "  hint: did you mean 'http_client'?",
        "E018 e018_unknown_module/app.yaml:16:9: error: unknown module 'redis'\n"
        "  hint: did you mean 'registry'?",
    ],
    "e019_forbidden_module": [
        "E019 e019_forbidden_module/app.yaml:13:22: error: module 'http_client' is not allowed in workflow"
        " code\n"
        "  hint: call it from an activity",
        "E019 e019_forbidden_module/app.yaml:13:35: error: module 'sql' is not allowed in workflow code\n"
        "  hint: call it from an activity",
    ],
    "e020_wrong_types": [
        "E020 e020_wrong_types/app.yaml:2:12: error: 'namespace' must be a non-empty string without ':' or"
        " spaces",
        "E007 e020_wrong_types/app.yaml:4:5: error: entry has no 'kind'\n"
        "  hint: known kinds: workflow.lua, function.lua, process.lua, library.lua, temporal.worker,"
        " temporal.client",
    ],
    "e020_wrong_fields": [
        "E020 e020_wrong_fields/app.yaml:6:14: error: 'address' must be a string",
        "E020 e020_wrong_fields/app.yaml:7:18: error: auth type 'password' is not one of none, api_key, mtls",
        "E020 e020_wrong_fields/app.yaml:11:21: error: 'worker_options' must be a mapping",
        "E020 e020_wrong_fields/app.yaml:15:13: error: 'method' must be the name of an exported function",
        "E020 e020_wrong_fields/app.yaml:16:14: error: 'modules' must be a list of module names",
        "E020 e020_wrong_fields/app.yaml:21:18: error: 'local' must be true or false",
        "E020 e020_wrong_fields/app.yaml:22:5: error: an entry must be a mapping with 'name' and 'kind'",
        "E020 e020_wrong_fields/app.yaml:23:11: error: 'name' must be a non-empty string without ':' or"
        " spaces",
        "E020 e020_wrong_fields/app.yaml:24:11: error: 'kind' must be a string",
        "E020 e020_wrong_fields/app.yaml:27:17: error: 'task_queue' must be a non-empty string",
    ],
    "e021_include_not_root": [
        "E021 e021_include_not_root/sub/_index.yaml:3:1: error: 'include' is only read from the root YAML"
        " file\n"
        "  hint: list this file's includes in e021_include_not_root/app.yaml",
    ],
    # Every problem is reported, not just the first.
    "many_errors": [
        "E017 many_errors/app.yaml:4:5: error: worker 'app:worker' has no 'task_queue'\n"
        "  hint: add task_queue: NAME",
        "E015 many_errors/app.yaml:6:13: error: client 'app:nope' does not exist",
        "E014 many_errors/app.yaml:7:5: error: workflow 'app:wf' has no worker: set meta.temporal.workflow.worker",
        "E012 many_errors/app.yaml:9:13: error: source file not found: many_errors/missing.lua",
        "E019 many_errors/app.yaml:10:22: error: module 'fs' is not allowed in workflow code\n"
        "  hint: call it from an activity",
        "E018 many_errors/app.yaml:10:26: error: unknown module 'tiem'\n"
        "  hint: did you mean 'time'?",
        "E015 many_errors/app.yaml:11:18: error: import 'u': entry 'app:util' does not exist\n"
        "  hint: 'util' has no namespace, so it was looked up in 'app'",
        "E010 many_errors/app.yaml:12:5: error: entry 'app:act' has no 'source'\n"
        "  hint: add source: file://act.lua",
        "E016 many_errors/app.yaml:14:42: error: worker 'app:wf' is a workflow.lua entry, not a temporal.worker",
        "E008 many_errors/app.yaml:16:11: error: unknown kind 'process.service'\n"
        "  hint: did you mean 'process.lua'?",
        "E009 many_errors/more/_index.yaml:4:11: error: duplicate entry ID 'app:wf'\n"
        "  hint: first defined at many_errors/app.yaml:7:5",
        "E013 many_errors/more/_index.yaml:6:13: error: source path '../../outside.lua' is outside the app"
        " folder 'many_errors'",
    ],
}
# fmt: on


@pytest.mark.parametrize("case, expected", ERRORS.items(), ids=list(ERRORS))
def test_error(case, expected, fixtures):
    assert diagnose(f"{case}/app.yaml") == expected


def test_root_file_missing(fixtures):
    assert diagnose("nowhere/app.yaml") == ["E002 nowhere/app.yaml:1:1: error: file not found: nowhere/app.yaml"]


def test_multi_file_app(fixtures):
    app = load_ok("app_multi/app.yaml")
    root = FIXTURES / "app_multi"
    assert app.root == root
    assert app.namespace == "app"
    # Root, then every _index.yaml by folder (the hidden folder's broken one is skipped), then includes.
    assert app.files == [
        root / "app.yaml",
        root / "lib/_index.yaml",
        root / "orders/_index.yaml",
        root / "orders/deep/_index.yaml",
        root / "extra/more.yaml",
    ]
    assert list(app.lua) == [
        "app:order_workflow",
        "app:charge_payment",
        "app:validate",
        "app:long_task",
        "app:helper",
        "app.lib:util",
        "app.orders:ship",
        "app.orders:format",
    ]
    assert [e.id for e in app.workflows] == ["app:order_workflow", "app.orders:ship"]
    assert [e.id for e in app.activities] == ["app:charge_payment", "app:validate", "app:long_task"]
    assert [e.id for e in app.libraries] == ["app.lib:util"]
    assert app.lua["app:helper"].role == "function"


def test_workflow_entry(fixtures):
    wf = load_ok("app_multi/app.yaml").lua["app:order_workflow"]
    assert (wf.id, wf.namespace, wf.name, wf.kind, wf.role) == (
        "app:order_workflow",
        "app",
        "order_workflow",
        "workflow.lua",
        "workflow",
    )
    assert wf.loc == Location("app_multi/app.yaml", 15, 5)
    assert wf.source_path == FIXTURES / "app_multi/order_workflow.lua"
    assert wf.source_display == "app_multi/order_workflow.lua"
    assert wf.source_loc == Location("app_multi/app.yaml", 17, 13)
    assert wf.source_text.startswith("local function main(order)\n")
    assert (wf.method, wf.method_loc) == ("main", Location("app_multi/app.yaml", 18, 13))
    assert wf.modules == ["funcs", "time", "workflow"]
    assert wf.imports == {"util": "app.lib:util"}
    assert wf.worker == "app:worker"  # written relative: `worker: worker`
    assert wf.workflow_name == "OrderWorkflow"
    assert wf.meta == {"temporal": {"workflow": {"worker": "worker", "name": "OrderWorkflow"}}}


def test_activities_and_functions(fixtures):
    app = load_ok("app_multi/app.yaml")
    charge, validate, long_task, helper = (
        app.lua[f"app:{n}"] for n in ("charge_payment", "validate", "long_task", "helper")
    )
    assert (charge.role, charge.worker, charge.local, charge.method) == ("activity", "app:worker", False, "charge")
    assert (validate.role, validate.local, validate.method) == ("activity", True, "validate")
    assert (long_task.kind, long_task.role, long_task.worker) == ("process.lua", "activity", "app:worker")
    # `method` left out: "main" by default, checked against the source's exports later.
    assert (long_task.method, long_task.method_loc) == ("main", None)
    assert (helper.role, helper.worker, helper.local, helper.workflow_name, helper.meta) == (
        "function",
        None,
        False,
        None,
        {},
    )
    # Source bytes survive as latin-1 characters.
    assert "-- caf\xe9\n" in charge.source_text


def test_dotted_namespaces_and_relative_references(fixtures):
    app = load_ok("app_multi/app.yaml")
    ship = app.lua["app.orders:ship"]
    assert ship.worker == "app.orders:worker"
    assert ship.imports == {"util": "app.lib:util", "fmt": "app.orders:format"}
    assert ship.workflow_name is None
    util = app.lua["app.lib:util"]
    assert (util.namespace, util.method, util.worker) == ("app.lib", None, None)
    assert util.source_display == "app_multi/lib/util.lua"
    # file:// is relative to the YAML file that says it.
    assert app.lua["app.orders:format"].source_path == FIXTURES / "app_multi/lib/util.lua"


def test_workers_and_clients(fixtures):
    app = load_ok("app_multi/app.yaml")
    worker = app.workers["app:worker"]
    assert (worker.client, worker.task_queue, worker.loc) == (
        "app:temporal_client",
        "orders",
        Location("app_multi/app.yaml", 8, 5),
    )
    assert worker.options == {"max_concurrent_activity_task_executions": 10}
    assert worker.lifecycle == {"auto_start": True}
    eu = app.workers["app.orders:worker"]
    assert (eu.namespace, eu.client, eu.task_queue, eu.options) == ("app.orders", "app:secure_client", "orders-eu", {})

    default = app.clients["app:temporal_client"]
    assert (default.address, default.namespace_name, default.tq_prefix, default.tls, default.auth) == (
        "localhost:7233",
        "default",
        "",
        {},
        {},
    )
    secure = app.clients["app:secure_client"]
    assert secure.loc == Location("app_multi/extra/more.yaml", 4, 5)
    assert (secure.address, secure.namespace_name, secure.tq_prefix) == ("${env:TEMPORAL_ADDRESS}", "prod", "eu-")
    assert secure.tls == {"enabled": True, "ca_file": "ca.pem", "server_name": "temporal.example.com"}
    assert secure.auth == {"type": "api_key", "api_key": "${env:TEMPORAL_API_KEY}"}


def test_paths_outside_cwd_are_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = load_ok(FIXTURES / "app_multi/app.yaml")
    wf = app.lua["app:order_workflow"]
    assert wf.loc.file == str(FIXTURES / "app_multi/app.yaml")
    assert wf.source_display == str(FIXTURES / "app_multi/order_workflow.lua")


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(textwrap.dedent(text))


def test_reference_into_another_namespace_suggests_the_full_id(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {
            "app.yaml": """\
            namespace: app
            entries:
              - {name: worker, kind: temporal.worker, task_queue: q}
            """,
            "orders/_index.yaml": """\
            namespace: app.orders
            entries:
              - name: wf
                kind: workflow.lua
                source: file://wf.lua
                meta: {temporal: {workflow: {worker: worker}}}
            """,
            "orders/wf.lua": "return function() end\n",
        },
    )
    assert diagnose("app.yaml") == [
        "E015 orders/_index.yaml:6:42: error: worker 'app.orders:worker' does not exist\n"
        "  hint: did you mean 'app:worker'?",
    ]


def test_merge_keys_and_anchors(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {
            "app.yaml": """\
            namespace: app
            defaults: &activity
              kind: function.lua
              source: file://a.lua
              meta: {temporal: {activity: {worker: w}}}
            entries:
              - {name: w, kind: temporal.worker, task_queue: q}
              - <<: *activity
                name: one
              - <<: *activity
                name: two
                method: other
            """,
            "a.lua": "return {}\n",
        },
    )
    app = load_ok("app.yaml")
    assert [(e.id, e.role, e.worker, e.method) for e in app.activities] == [
        ("app:one", "activity", "app:w", "main"),
        ("app:two", "activity", "app:w", "other"),
    ]


def test_empty_values(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {
            "app.yaml": """\
            namespace: app
            entries:
              - name: lib
                kind: library.lua
                source: file://l.lua
                modules:
                imports:
                meta:
            """,
            "l.lua": "",
            "sub/_index.yaml": "namespace: app.sub\nentries:\n",
        },
    )
    lib = load_ok("app.yaml").lua["app:lib"]
    assert (lib.modules, lib.imports, lib.meta, lib.source_text) == ([], {}, {}, "")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", "E003 app.yaml:1:1: error: top level must be a mapping with 'namespace' and 'entries'"),
        (
            "a: !!python/object:os.system x\n",
            "E001 app.yaml:1:4: error: YAML syntax error: could not determine a constructor for the tag"
            " 'tag:yaml.org,2002:python/object:os.system'",
        ),
        (
            "a: b\n---\nc: d\n",
            "E001 app.yaml:2:1: error: YAML syntax error: but found another document"
            " (expected a single document in the stream)",
        ),
        ("a: \x01\n", "E001 app.yaml:1:4: error: YAML syntax error: special characters are not allowed"),
        # PyYAML gives no position for a bad typed scalar: the file's start stands in.
        (
            "a: !!int abc\n",
            "E001 app.yaml:1:1: error: YAML syntax error: invalid literal for int() with base 10: 'abc'",
        ),
    ],
)
def test_bad_yaml_never_raises(tmp_path, monkeypatch, text, expected):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"app.yaml": text})
    assert diagnose("app.yaml") == [expected]


def test_symlink_cannot_leave_the_app(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "secret.lua").write_text("return {}\n")
    write(
        tmp_path,
        {"app/app.yaml": "namespace: app\nentries:\n  - {name: lib, kind: library.lua, source: file://link.lua}\n"},
    )
    (tmp_path / "app/link.lua").symlink_to(tmp_path / "secret.lua")
    assert diagnose("app/app.yaml") == [
        "E013 app/app.yaml:3:44: error: source path 'link.lua' is outside the app folder 'app'",
    ]


def test_only_new_errors_decide_the_result(fixtures):
    diags = Diagnostics()
    diags.error("other.lua", 1, 1, "from another pass")
    assert load_app("app_multi/app.yaml", diags) is not None


def test_module_sets():
    assert KNOWN_MODULES == set(
        "funcs time workflow uuid crypto ctx json payload base64 http_client errors process channel coroutine logger hash"
        " env fs sql yaml text store events http security registry system exec url stream templates activity".split()
    )
    # `activity` (heartbeats of process.lua activities) exists only in activities.
    assert WORKFLOW_FORBIDDEN_MODULES == {"http_client", "sql", "fs", "env", "exec", "store", "http", "activity"}
