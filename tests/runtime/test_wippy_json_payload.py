"""Wippy's ``json`` module (encode/decode error kinds, ``validate`` and
``validate_string`` with the JSON Schema validator of
runtime/wippy/jsonschema.py) and the ``payload`` global (formats, ``new``,
``data``/``unmarshal``, transcoding, error values), as Lua code sees them."""

from __future__ import annotations

import importlib
import re

import pytest

from luac2py.runtime.errors import LuaError
from luac2py.runtime.table import Table
from luac2py.runtime.temporal.app import AppSpec
from luac2py.runtime.temporal.glue import lua_env
from luac2py.runtime.wippy import jsonschema, registry
from luac2py.runtime.wippy.errors import ERRORS, INTERNAL, INVALID, ErrorObject
from luac2py.runtime.wippy.json import JSON, encode, to_python
from luac2py.runtime.wippy.jsonschema import EmptyTable, SchemaError, compile_schema
from luac2py.runtime.wippy.message import Message
from luac2py.runtime.wippy.payload import (
    PAYLOAD,
    Payload,
    go_float,
    msgpack_decode,
    msgpack_encode,
)


def T(*seq, **fields) -> Table:
    return Table.of(seq, fields)


def assert_error(err, kind: str, *fragments: str) -> None:
    assert type(err) is ErrorObject, err
    assert err.kind() == kind and err.retryable() is False, err
    for fragment in fragments:
        assert fragment in err.message(), (fragment, err.message())


# --- json.encode / json.decode ---------------------------------------------------------------
def test_encode_values():
    assert JSON.encode(None) == ("null", None)
    assert JSON.encode(T(1, 2, 3)) == ("[1,2,3]", None)
    assert JSON.encode(T()) == ("[]", None)
    assert JSON.encode(3.14) == ("3.14", None)


@pytest.mark.parametrize(
    "value, fragment",
    [
        (Table.of((), {1: "a", 3: "c"}), "holes"),
        (Table.of(("a",), {"k": 1}), "integer and string keys"),
        (print, "function"),
    ],
)
def test_encode_failures_are_internal_and_not_retryable(value, fragment):
    out, err = JSON.encode(value)
    assert out is None
    assert_error(err, INTERNAL, "encode failed", fragment)


def test_encode_of_a_cycle_or_too_deep_a_table_is_internal():
    t = T()
    t["self"] = t
    assert_error(JSON.encode(t)[1], INTERNAL, "contains itself")
    deep = T()
    for _ in range(200):
        deep = T(deep)
    assert_error(JSON.encode(deep)[1], INTERNAL, "deeper than 128")


def test_decode_values():
    assert JSON.decode("null") == (None, None)
    assert JSON.decode("42") == (42, None) and type(JSON.decode("42")[0]) is int
    obj, err = JSON.decode('{"items":[1,2],"meta":{"ok":true}}')
    assert err is None and obj["items"][2] == 2 and obj["meta"]["ok"] is True


def test_decode_errors_have_wippys_kinds():
    assert_error(JSON.decode("")[1], INVALID, "empty string")  # Wippy: INVALID
    assert_error(JSON.decode(42)[1], INVALID, "string")
    assert_error(JSON.decode(None)[1], INVALID)
    out, err = JSON.decode("not json")
    assert out is None
    assert_error(err, INTERNAL, "decode failed")  # malformed text: INTERNAL
    assert_error(JSON.decode("{bad")[1], INTERNAL)


# --- json.validate / json.validate_string ---------------------------------------------------
PERSON = T(
    type="object",
    properties=T(name=T(type="string"), age=T(type="number")),
    required=T("name"),
)


def test_validate_gives_true_or_false_and_an_invalid_error():
    assert JSON.validate(PERSON, T(name="John", age=30)) == (True, None)
    ok, err = JSON.validate(PERSON, T(age=30))
    assert ok is False
    assert_error(err, INVALID, "validation failed", "(root)", 'missing required property "name"')
    ok, err = JSON.validate(PERSON, T(name=123))
    assert ok is False
    assert_error(err, INVALID, "/name: expected string, got integer")


def test_validate_input_errors():
    ok, err = JSON.validate(PERSON, None)
    assert ok is False
    assert_error(err, INVALID, "data is required")
    assert_error(JSON.validate(None, T())[1], INVALID, "schema is required")
    assert_error(JSON.validate(42, T())[1], INVALID, "schema must be a string or table")
    assert_error(JSON.validate("{not json", T())[1], INVALID, "compile schema")
    assert_error(JSON.validate(T(type="strin"), 1)[1], INVALID, "compile schema", "unknown type")
    assert_error(JSON.validate(T(**{"$ref": "#/definitions/x"}), 1)[1], INVALID, "names nothing")
    assert_error(JSON.validate(T(pattern="("), "x")[1], INVALID, "invalid regular expression")
    assert_error(JSON.validate(T(type="object"), T(f=print))[1], INVALID, "convert data")
    # false data is data
    assert JSON.validate(T(type="boolean"), False) == (True, None)


def test_validate_takes_the_schema_as_json_text():
    schema = '{"type":"object","properties":{"name":{"type":"string"}}}'
    assert JSON.validate(schema, T(name="test")) == (True, None)
    assert_error(JSON.validate(schema, T(name=1))[1], INVALID, "/name")


def test_validate_string():
    assert JSON.validate_string(PERSON, '{"name":"Jane","age":25}') == (True, None)
    ok, err = JSON.validate_string(PERSON, '{"age":25}')
    assert ok is False
    assert_error(err, INVALID, 'missing required property "name"')
    assert_error(JSON.validate_string(PERSON, T())[1], INVALID, "data must be a JSON string")
    assert_error(JSON.validate_string(PERSON, "{oops")[1], INVALID, "invalid JSON")
    assert_error(JSON.validate_string(None, "{}")[1], INVALID, "schema is required")
    # JSON text keeps [] and {} apart; a Lua table cannot.
    assert JSON.validate_string('{"type":"object"}', "[]")[0] is False
    assert JSON.validate(T(type="object"), T()) == (True, None)
    assert JSON.validate(T(type="array", maxItems=0), T()) == (True, None)


def test_validate_reads_utf8_strings_as_text():
    # "héllo" is 5 characters (6 bytes in the Lua string)
    lua_string = "h\xc3\xa9llo"
    assert JSON.validate(T(type="string", maxLength=5), lua_string) == (True, None)
    assert JSON.validate(T(type="string", maxLength=4), lua_string)[0] is False
    assert JSON.validate(T(type="string", pattern="^h.llo$"), lua_string) == (True, None)


# Each keyword: a schema, a value it accepts, one it refuses and what the message says.
KEYWORDS = [
    ({"type": "integer"}, 3.0, 3.5, "expected integer, got number"),
    ({"type": "number"}, 1, True, "expected number, got boolean"),
    ({"type": ["string", "null"]}, None, 1, "expected string or null"),
    ({"type": "array"}, [1], {"a": 1}, "expected array, got object"),
    ({"type": "null"}, None, 0, "expected null"),
    ({"properties": {"a": {"type": "string"}}}, {"a": "x", "b": 1}, {"a": 1}, "/a: expected string"),
    ({"required": ["a", "b"]}, {"a": 1, "b": 2}, {"a": 1}, 'missing required property "b"'),
    ({"properties": {"a": {}}, "additionalProperties": False}, {"a": 1}, {"a": 1, "z": 2}, '"z" is not allowed'),
    ({"additionalProperties": {"type": "integer"}}, {"x": 1}, {"x": "1"}, "/x: expected integer"),
    ({"patternProperties": {"^n_": {"type": "number"}}}, {"n_a": 1, "s": "x"}, {"n_a": "x"}, "/n_a"),
    ({"items": {"type": "string"}}, ["a", "b"], ["a", 2], "/1: expected string"),
    ({"items": [{"type": "string"}], "additionalItems": False}, ["a"], ["a", 1], "more than the 1"),
    ({"prefixItems": [{"type": "integer"}], "items": {"type": "string"}}, [1, "a"], [1, 2], "/1"),
    ({"enum": ["red", 1, None]}, 1.0, "blue", "is not one of"),
    ({"const": {"k": [1]}}, {"k": [1.0]}, {"k": [2]}, "is not"),
    ({"const": 1}, 1, True, "is not"),
    ({"minimum": 1}, 1, 0.5, "less than the minimum 1"),
    ({"maximum": 10}, 10, 11, "greater than the maximum 10"),
    ({"exclusiveMinimum": 1}, 1.5, 1, "not greater than the exclusive minimum"),
    ({"exclusiveMaximum": 1}, 0, 1, "not less than the exclusive maximum"),
    ({"minimum": 1, "exclusiveMinimum": True}, 2, 1, "exclusive minimum"),  # draft-04 form
    ({"multipleOf": 0.1}, 0.3, 0.35, "not a multiple of 0.1"),
    ({"multipleOf": 3}, 9, 10, "not a multiple of 3"),
    ({"minLength": 2}, "ab", "a", "shorter than 2"),
    ({"maxLength": 2}, "ab", "abc", "longer than 2"),
    ({"pattern": "^[a-z]+\\d$"}, "ab1", "ab", "does not match the pattern"),
    ({"pattern": "\\d"}, "x1y", "x\u0661y", "pattern"),  # \d is ASCII only, as in Go
    ({"minItems": 1}, [0], [], "fewer than the minimum 1"),
    ({"maxItems": 1}, [0], [0, 1], "more than the maximum 1"),
    ({"uniqueItems": True}, [1, "1", [1]], [{"a": 1}, {"a": 1.0}], "items 0 and 1 are equal"),
    ({"contains": {"type": "string"}}, [1, "a"], [1, 2], "no item that matches"),
    ({"minProperties": 1}, {"a": 1}, {}, "fewer than the minimum 1"),
    ({"maxProperties": 1}, {"a": 1}, {"a": 1, "b": 2}, "more than the maximum 1"),
    ({"propertyNames": {"pattern": "^[a-z]+$"}}, {"ab": 1}, {"A": 1}, 'property name "A"'),
    ({"dependencies": {"a": ["b"]}}, {"a": 1, "b": 2}, {"a": 1}, 'property "a" requires property "b"'),
    ({"dependentRequired": {"a": ["b"]}}, {"b": 1}, {"a": 1}, "requires"),
    ({"allOf": [{"type": "integer"}, {"minimum": 2}]}, 2, 1, "less than the minimum 2"),
    ({"anyOf": [{"type": "string"}, {"type": "integer"}]}, 1, 1.5, "none of the schemas in 'anyOf'"),
    ({"oneOf": [{"type": "integer"}, {"minimum": 5}]}, 1, 6, "schemas 0 and 1 of 'oneOf'"),
    ({"oneOf": [{"type": "integer"}, {"type": "string"}]}, 1, None, "none of the schemas in 'oneOf'"),
    ({"not": {"type": "string"}}, 1, "x", "must not match"),
    ({"if": {"type": "integer"}, "then": {"minimum": 0}, "else": {"type": "string"}}, "s", -1, "minimum 0"),
    (
        {"definitions": {"pos": {"type": "integer", "minimum": 1}}, "properties": {"n": {"$ref": "#/definitions/pos"}}},
        {"n": 1},
        {"n": 0},
        "/n: 0 is less than the minimum 1",
    ),
    ({"$defs": {"s": {"type": "string"}}, "items": {"$ref": "#/$defs/s"}}, ["a"], [1], "/0: expected string"),
    (
        {"type": "object", "properties": {"kids": {"type": "array", "items": {"$ref": "#"}}}},
        {"kids": [{"kids": []}]},
        {"kids": [{"kids": [1]}]},
        "/kids/0/kids/0: expected object",
    ),
    (False, None, None, "no value is allowed"),
]


@pytest.mark.parametrize("schema, good, bad, fragment", KEYWORDS, ids=[str(k[0])[:48] for k in KEYWORDS])
def test_each_keyword(schema, good, bad, fragment):
    compiled = compile_schema(schema)
    if schema is not False:
        assert compiled.errors(good) == []
    errors = compiled.errors(bad)
    assert errors, bad
    assert fragment in jsonschema.describe(errors)


def test_the_same_checks_through_json_validate_string():
    for schema, good, bad, fragment in KEYWORDS:
        text = jsonschema._json.dumps(schema)
        if schema is not False:
            assert JSON.validate_string(text, jsonschema._json.dumps(good)) == (True, None), schema
        ok, err = JSON.validate_string(text, jsonschema._json.dumps(bad))
        assert ok is False and fragment in err.message(), (schema, err)


def test_a_schema_error_is_found_when_compiling():
    for bad in (
        {"type": "strin"},
        {"type": []},
        {"minLength": -1},
        {"maxItems": 1.5},
        {"multipleOf": 0},
        {"required": "a"},
        {"properties": {"a": 1}},
        {"anyOf": []},
        {"pattern": "(x"},
        {"patternProperties": {"(": {}}},
        {"$ref": "http://example.com/schema"},
        {"$ref": "#/nope"},
        {"enum": 1},
        {"uniqueItems": "yes"},
    ):
        with pytest.raises(SchemaError):
            compile_schema(bad)


def test_a_ref_that_loops_on_the_same_value_is_a_schema_error():
    with pytest.raises(SchemaError, match="refers to itself"):
        compile_schema({"$ref": "#"}).errors(1)
    ok, err = JSON.validate(T(**{"$ref": "#"}), 1)
    assert ok is False
    assert_error(err, INVALID, "refers to itself")


def test_an_empty_lua_table_is_an_empty_object_and_an_empty_array():
    empty = EmptyTable()
    assert compile_schema({"type": "object", "required": []}).errors(empty) == []
    assert compile_schema({"type": "array", "items": {"type": "string"}}).errors(empty) == []
    assert compile_schema({"type": "object", "required": ["a"]}).errors(empty) != []
    assert compile_schema({"minItems": 1}).errors(empty) != []
    # in a schema given as a Lua table too
    assert JSON.validate(T(type="object", properties=T(), required=T()), T(a=1)) == (True, None)


def test_messages_are_deterministic_whatever_the_key_order():
    schema = {"additionalProperties": False}
    one = jsonschema.describe(compile_schema(schema).errors({"b": 1, "a": 2, "c": 3}))
    two = jsonschema.describe(compile_schema(schema).errors({"c": 3, "a": 2, "b": 1}))
    assert one == two and one.index('"a"') < one.index('"b"') < one.index('"c"')


def test_long_error_lists_are_cut():
    errors = compile_schema({"items": {"type": "string"}}).errors(list(range(30)))
    assert len(errors) == 30
    text = jsonschema.describe(errors)
    assert "/19:" in text and "/20:" not in text and "and 10 more" in text


def test_compiled_schemas_are_kept_by_content():
    first = compile_schema({"type": "string"}, key=("test", "string schema"))
    assert compile_schema({"type": "integer"}, key=("test", "string schema")) is first
    assert compile_schema({"type": "string"}) is not first  # no key: not kept


def test_equality_is_json_equality():
    assert jsonschema.equal(1, 1.0) and not jsonschema.equal(True, 1) and not jsonschema.equal(None, False)
    assert jsonschema.equal({"a": [1, {"b": 2}]}, {"a": [1.0, {"b": 2}]})
    assert not jsonschema.equal([], {}) and jsonschema.equal(EmptyTable(), []) and jsonschema.equal(EmptyTable(), {})


# --- payload ---------------------------------------------------------------------------------
def test_formats():
    f = PAYLOAD.lua_index("format")
    assert {k: f.lua_index(k) for k in ("JSON", "YAML", "STRING", "BYTES", "MSGPACK", "LUA", "GOLANG", "ERROR")} == {
        "JSON": "json/plain",
        "YAML": "yaml/plain",
        "STRING": "text/plain",
        "BYTES": "application/octet-stream",
        "MSGPACK": "application/msgpack",
        "LUA": "lua/any",
        "GOLANG": "golang/any",
        "ERROR": "golang/error",
    }
    assert f.lua_index("OTHER") is None


@pytest.mark.parametrize("value", [None, "hello", 123, 123.456, True, T(1, 2, 3), T(key="value")])
def test_new_holds_a_lua_value(value):
    p = PAYLOAD.new(value)
    assert type(p) is Payload and p.get_format() == "lua/any"
    assert p.data() is value and p.unmarshal() is value
    assert p.lua_tostring() == "payload{format=lua/any}"


def test_an_error_value_makes_an_error_payload():
    err = ERRORS.new("test error")
    p = PAYLOAD.new(err)
    assert p.get_format() == "golang/error" and p.lua_tostring() == "payload{format=golang/error}"
    assert p.data() is err and p.unmarshal() is err
    j, e = p.transcode("json/plain")
    assert e is None and to_python(JSON.decode(j.value)[0])["message"] == "test error"


def test_transcode_to_json_and_back():
    p = PAYLOAD.new(T(a=1, b=T(1, 2)))
    j, err = p.transcode("json/plain")
    assert err is None and j.get_format() == "json/plain" and j.value == '{"a":1,"b":[1,2]}'
    assert j.lua_tostring() == "payload{format=json/plain}"
    assert to_python(j.data()) == {"a": 1, "b": [1, 2]}
    assert to_python(j.unmarshal()) == {"a": 1, "b": [1, 2]}
    back, err = j.transcode("lua/any")
    assert err is None and back.get_format() == "lua/any" and to_python(back.data()) == {"a": 1, "b": [1, 2]}
    same, _ = p.transcode("lua/any")
    assert same.data() is p.data()


def test_transcode_to_text_and_bytes_as_go_prints_them():
    def text(v, fmt="text/plain"):
        out, err = PAYLOAD.new(v).transcode(fmt)
        assert err is None and out.get_format() == fmt
        return out.value

    assert text("hello") == "hello" and text(42) == "42" and text(123.456) == "123.456"
    assert text(True) == "true" and text(None) == ""
    assert text(T(b=T(1, 2), a="x")) == "map[a:x b:[1 2]]"
    assert text(T(1, 2.5), "application/octet-stream") == "[1 2.5]"
    s, _ = PAYLOAD.new(42).transcode("text/plain")
    assert s.data() == "42"  # text reads back as a string


def test_go_float():
    cases = {1e6: "1e+06", 123456.0: "123456", 1e-5: "1e-05", 0.0001: "0.0001", 3.0: "3", -2.5: "-2.5"}
    cases.update({1.5e20: "1.5e+20", float("inf"): "+Inf", float("-inf"): "-Inf", float("nan"): "NaN", 0.1: "0.1"})
    assert {f: go_float(f) for f in cases} == cases


def test_transcode_to_yaml_and_back():
    y, err = PAYLOAD.new(T(name="x", items=T(1, 2))).transcode("yaml/plain")
    assert err is None and y.value == "items:\n- 1\n- 2\nname: x\n"
    assert to_python(y.data()) == {"name": "x", "items": [1, 2]}
    n, _ = PAYLOAD.new(None).transcode("yaml/plain")
    assert n.value == "null\n" and n.data() is None


def test_msgpack():
    assert msgpack_encode({"a": 1}) == bytes.fromhex("81a16101")
    assert msgpack_encode([None, True, False, -1, 200, -200, 70000, 1.5]) == bytes.fromhex(
        "98c0c3c2ffccc8d1ff38ce00011170cb3ff8000000000000"
    )
    big = {"k": ["x" * 40, 2**40, -(2**40), list(range(20))]}
    assert msgpack_decode(msgpack_encode(big)) == big
    m, err = PAYLOAD.new(T(a=T(1, "s", True))).transcode("application/msgpack")
    assert err is None and m.get_format() == "application/msgpack" and m.value == "\x81\xa1a\x93\x01\xa1s\xc3"
    assert to_python(m.data()) == {"a": [1, "s", True]}


def test_golang_format_is_plain_python_data():
    g, err = PAYLOAD.new(T(a=T(1, 2))).transcode("golang/any")
    assert err is None and g.value == {"a": [1, 2]}
    assert to_python(g.data()) == {"a": [1, 2]}


def test_transcoding_failures_are_internal_errors():
    out, err = PAYLOAD.new(T(print)).transcode("json/plain")
    assert out is None
    assert_error(err, INTERNAL, "transcode failed")
    out, err = PAYLOAD.new(1).transcode("image/png")
    assert out is None
    assert_error(err, INTERNAL, "no transcoder")
    broken = Payload("{not json", "json/plain")
    assert broken.data()[0] is None
    assert_error(broken.data()[1], INTERNAL, "transcode failed")
    assert_error(broken.unmarshal()[1], INTERNAL, "unmarshal failed")
    assert_error(Payload("\xc1", "application/msgpack").data()[1], INTERNAL)
    assert_error(PAYLOAD.new(1).transcode("golang/error")[1], INTERNAL)


def test_transcode_needs_a_string_format():
    with pytest.raises(LuaError, match="string expected"):
        PAYLOAD.new(1).transcode(None)
    with pytest.raises(LuaError, match="string expected, got no value"):
        PAYLOAD.new(1).transcode()


def test_a_payload_encodes_as_its_data():
    assert encode(T(p=PAYLOAD.new(T(1, 2)))) == '{"p":[1,2]}'
    assert encode(Payload('{"a":1}', "json/plain")) == '{"a":1}'


def test_a_message_payload_is_a_payload_object():
    p = Message("topic", T(x=1)).payload()
    assert type(p) is Payload and p.get_format() == "lua/any" and p.data()["x"] == 1
    j, err = p.transcode("json/plain")
    assert err is None and j.value == '{"x":1}'


# --- the payload global in every role -----------------------------------------------------
@pytest.mark.parametrize("role", ["workflow", "activity"])
def test_payload_is_a_global_of_every_role(role):
    modules = registry.environment(AppSpec(name="app"), role, listed=frozenset())
    env = lua_env(modules)
    assert env["payload"] is PAYLOAD
    assert "payload" in registry.UNLISTED and registry.function("payload", "new").values == 1
    assert (
        registry.function("json", "validate").values == 2 and registry.function("json", "validate_string").values == 2
    )


APP = """\
version: "1.0"
namespace: pjtest
entries:
  - {name: client, kind: temporal.client, address: localhost:7233, namespace: default}
  - {name: worker, kind: temporal.worker, client: client, task_queue: pjtest}
  - name: wf
    kind: workflow.lua
    source: file://wf.lua
    method: main
    modules: [json]
    meta: {temporal: {workflow: {worker: worker}}}
  - name: fn
    kind: function.lua
    source: file://fn.lua
    method: main
    modules: [json]
"""
WORKFLOW = """\
local json = require("json")
local function wrap(v) return payload.new(v) end
local function main(input)
    local p = wrap(input)
    local ok, err = json.validate({type = "object"}, input)
    return {fmt = p:get_format(), ok = ok, json = p:transcode(payload.format.JSON):data()}
end
return {main = main}
"""
FUNCTION = """\
local json = require("json")
local function main(input)
    local p = payload.new(input)
    local j, err = p:transcode(payload.format.JSON)
    local ok, verr = json.validate_string('{"type":"object","required":["n"]}', j:data() and json.encode(j:data()))
    local bad, berr = json.validate({type = "object", required = {"missing"}}, input)
    return {
        fmt = p:get_format(), jfmt = j:get_format(), text = tostring(j), ok = ok,
        bad = bad, kind = berr:kind(), msg = berr:message(),
        efmt = payload.new(errors.new("boom")):get_format(),
    }
end
return {main = main}
"""


@pytest.fixture(scope="module")
def payload_app(tmp_path_factory):
    from helpers import build_app_package

    src = tmp_path_factory.mktemp("payload-app-src")
    (src / "app.yaml").write_text(APP)
    (src / "wf.lua").write_text(WORKFLOW)
    (src / "fn.lua").write_text(FUNCTION)
    return build_app_package(src / "app.yaml", tmp_path_factory.mktemp("payload-app"), "pjtest_payload")


def test_workflow_code_may_use_the_payload_global(payload_app):
    code = (payload_app.folder / payload_app.package / "lua" / "wf.py").read_text()
    assert '_ENV["payload"]' in code
    # payload.new never waits: the function calling it stays a plain def
    assert re.search(r"^    def wrap\w*\(v\):", code, re.M) and not re.search(r"async def wrap", code)


async def test_ordinary_code_uses_payload_and_json_validate(payload_app):
    package = importlib.import_module(payload_app.package)
    result = await package.call("pjtest:fn", {"n": 1})
    assert result == {
        "fmt": "lua/any",
        "jfmt": "json/plain",
        "text": "payload{format=json/plain}",
        "ok": True,
        "bad": False,
        "kind": "INVALID",
        "msg": 'validation failed: (root): missing required property "missing"',
        "efmt": "golang/error",
    }
