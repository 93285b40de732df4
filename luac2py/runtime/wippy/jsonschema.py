"""A JSON Schema validator for ``json.validate`` and ``json.validate_string``.

It reads the draft-07 keywords and the 2019-09 / 2020-12 spellings of the same
ideas (``$defs``, ``prefixItems``, ``dependentRequired``,
``dependentSchemas``), which Wippy's Go validator also understands:

- any value: ``type`` (a name or a list of names; ``integer`` takes whole
  floats), ``enum``, ``const``, ``allOf``, ``anyOf``, ``oneOf``, ``not``,
  ``if``/``then``/``else``, ``$ref`` (``#``, ``#/definitions/..``,
  ``#/$defs/..``, any JSON pointer into the root schema; keywords beside a
  ``$ref`` apply too, as in 2019-09 and later), ``true``/``false`` schemas;
- numbers: ``minimum``, ``maximum``, ``exclusiveMinimum``,
  ``exclusiveMaximum`` (numbers, or draft-04 booleans), ``multipleOf``
  (decimal: 0.3 is a multiple of 0.1);
- strings: ``minLength``, ``maxLength`` (code points), ``pattern`` (unanchored
  search; Python ``re`` with ASCII classes, as in Go's RE2);
- arrays: ``items`` (a schema, or a list of schemas with
  ``additionalItems``), ``prefixItems``, ``minItems``, ``maxItems``,
  ``uniqueItems``, ``contains`` with ``minContains`` / ``maxContains``;
- objects: ``properties``, ``patternProperties``, ``additionalProperties``,
  ``required``, ``minProperties``, ``maxProperties``, ``propertyNames``,
  ``dependencies`` / ``dependentRequired`` / ``dependentSchemas``.

``format`` and other keywords are annotations: they are not checked.

Schemas and instances are plain JSON data in Python (dict, list, str, int,
float, bool, None). ``EmptyTable`` stands for an empty Lua table, which is
both an empty object and an empty array. ``compile_schema`` checks a schema (raising
``SchemaError``); ``Schema.errors`` lists what an instance breaks, as
``(JSON pointer, message)`` pairs. Validation is deterministic (no I/O, no
clock; object keys are visited in sorted order), so workflows may use it.
"""

from __future__ import annotations

import json as _json
import re
import threading
from collections import OrderedDict
from decimal import Decimal, InvalidOperation
from urllib.parse import unquote

TYPES = ("null", "boolean", "object", "array", "number", "integer", "string")
MAX_ERRORS = 20  # errors listed in one message


class SchemaError(ValueError):
    """The schema itself is not a valid JSON Schema."""


class EmptyTable(dict):
    """An empty Lua table: an empty object and an empty array at once."""

    __slots__ = ()


# --- the data model ----------------------------------------------------------------
def _is_array(v) -> bool:
    return type(v) is list or type(v) is EmptyTable


def _as_list(v) -> list:
    return [] if type(v) is EmptyTable else v


def _is_number(v) -> bool:
    return type(v) is int or type(v) is float  # not bool


def type_of(v) -> str:
    """The JSON type name of an instance (whole floats are integers)."""
    if v is None:
        return "null"
    t = type(v)
    if t is bool:
        return "boolean"
    if t is int:
        return "integer"
    if t is float:
        return "integer" if v.is_integer() else "number"
    if t is str:
        return "string"
    if t is list:
        return "array"
    if t is EmptyTable:
        return "empty table"
    if isinstance(v, dict):
        return "object"
    return t.__name__


def _has_type(v, name: str) -> bool:
    if name == "null":
        return v is None
    if name == "boolean":
        return type(v) is bool
    if name == "integer":
        return type(v) is int or (type(v) is float and v.is_integer())
    if name == "number":
        return _is_number(v)
    if name == "string":
        return type(v) is str
    if name == "array":
        return _is_array(v)
    if name == "object":
        return isinstance(v, dict)
    return False


def equal(a, b) -> bool:
    """JSON equality: 1 == 1.0, true != 1, an empty Lua table equals [] and {}."""
    ta, tb = type(a), type(b)
    if ta is EmptyTable or tb is EmptyTable:
        return (
            (ta is EmptyTable or ta is list or isinstance(a, dict))
            and len(a) == 0
            and (tb is EmptyTable or tb is list or isinstance(b, dict))
            and len(b) == 0
        )
    if ta is bool or tb is bool:
        return ta is tb and a == b
    if _is_number(a) or _is_number(b):
        return _is_number(a) and _is_number(b) and a == b
    if ta is list or tb is list:
        return ta is tb and len(a) == len(b) and all(equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) or isinstance(b, dict):
        return (
            isinstance(a, dict) and isinstance(b, dict) and a.keys() == b.keys() and all(equal(a[k], b[k]) for k in a)
        )
    return ta is tb and a == b


def _canonical(v):
    """A hashable form: equal JSON values give equal forms (an empty Lua
    table has its own, as Lua data has no other empty array or object)."""
    t = type(v)
    if t is bool:
        return ("b", v)
    if t is int or t is float:
        return ("n", v)
    if t is str:
        return ("s", v)
    if v is None:
        return ("z",)
    if t is list:
        return ("a", tuple(_canonical(x) for x in v))
    if t is EmptyTable:
        return ("e",)
    if isinstance(v, dict):
        return ("o", frozenset((k, _canonical(x)) for k, x in v.items()))
    return ("?", id(v))


def _show(v, limit: int = 60) -> str:
    try:
        s = _json.dumps(v, ensure_ascii=False, sort_keys=True, allow_nan=True)
    except (TypeError, ValueError):
        s = repr(v)
    return s if len(s) <= limit else s[: limit - 3] + "..."


def _pointer_token(key) -> str:
    return str(key).replace("~", "~0").replace("/", "~1")


def _unescape_token(token: str) -> str:
    return unquote(token).replace("~1", "/").replace("~0", "~")


def where(path: str) -> str:
    """A JSON pointer as messages show it (the root as ``(root)``)."""
    return path or "(root)"


# --- compiling ---------------------------------------------------------------------
_SCHEMA_KEYWORDS = ("additionalProperties", "additionalItems", "not", "contains", "propertyNames", "if", "then", "else")
_SCHEMA_MAPS = ("properties", "patternProperties", "definitions", "$defs", "dependentSchemas")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_NUMBERS = ("minimum", "maximum", "multipleOf")
_COUNTS = (
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "minProperties",
    "maxProperties",
    "minContains",
    "maxContains",
)


class Schema:
    """A checked schema; ``errors(instance)`` validates."""

    def __init__(self, root):
        self.root = root
        self._regex: dict[str, re.Pattern] = {}
        self._check_schema(root, "#")

    # The schema's own checks, once.
    def _check_schema(self, s, at: str) -> None:
        if type(s) is bool:
            return
        if not isinstance(s, dict):
            raise SchemaError(f"{at}: a schema must be an object or a boolean, got {type_of(s)}")
        t = s.get("type")
        if t is not None:
            names = _as_list(t) if _is_array(t) else [t]
            if not names:
                raise SchemaError(f"{at}/type: must name at least one type")
            for name in names:
                if name not in TYPES:
                    raise SchemaError(f"{at}/type: unknown type {_show(name)}")
        for key in _SCHEMA_KEYWORDS:
            if key in s:
                self._check_schema(s[key], f"{at}/{key}")
        for key in _SCHEMA_MAPS:
            if key in s:
                m = s[key]
                if type(m) is list and not m:
                    continue  # an empty Lua table encoded as an array
                if not isinstance(m, dict):
                    raise SchemaError(f"{at}/{key}: must be an object")
                for name, sub in m.items():
                    if key == "patternProperties":
                        self.regex(name, f"{at}/{key}")
                    self._check_schema(sub, f"{at}/{key}/{_pointer_token(name)}")
        for key in _SCHEMA_LISTS:
            if key in s:
                subs = s[key]
                if not _is_array(subs) or (not subs and key != "prefixItems"):
                    raise SchemaError(f"{at}/{key}: must be a non-empty array of schemas")
                for i, sub in enumerate(_as_list(subs)):
                    self._check_schema(sub, f"{at}/{key}/{i}")
        if "items" in s:
            items = s["items"]
            if type(items) is list:
                for i, sub in enumerate(items):
                    self._check_schema(sub, f"{at}/items/{i}")
            else:
                self._check_schema(items, f"{at}/items")
        if "dependencies" in s:
            deps = s["dependencies"]
            if not isinstance(deps, dict) and not (type(deps) is list and not deps):
                raise SchemaError(f"{at}/dependencies: must be an object")
            for name, dep in (deps.items() if isinstance(deps, dict) else ()):
                if _is_array(dep):
                    self._check_names(dep, f"{at}/dependencies/{_pointer_token(name)}")
                else:
                    self._check_schema(dep, f"{at}/dependencies/{_pointer_token(name)}")
        if "dependentRequired" in s:
            deps = s["dependentRequired"]
            if not isinstance(deps, dict):
                raise SchemaError(f"{at}/dependentRequired: must be an object")
            for name, dep in deps.items():
                self._check_names(dep, f"{at}/dependentRequired/{_pointer_token(name)}")
        if "required" in s:
            self._check_names(s["required"], f"{at}/required")
        if "enum" in s and not _is_array(s["enum"]):
            raise SchemaError(f"{at}/enum: must be an array")
        for key in _NUMBERS:
            if key in s and not _is_number(s[key]):
                raise SchemaError(f"{at}/{key}: must be a number")
        if "multipleOf" in s and not s["multipleOf"] > 0:
            raise SchemaError(f"{at}/multipleOf: must be greater than 0")
        for key in ("exclusiveMinimum", "exclusiveMaximum"):
            if key in s and not (_is_number(s[key]) or type(s[key]) is bool):
                raise SchemaError(f"{at}/{key}: must be a number")
        for key in _COUNTS:
            if key in s:
                n = s[key]
                if not _has_type(n, "integer") or n < 0:
                    raise SchemaError(f"{at}/{key}: must be a non-negative integer")
        if "uniqueItems" in s and type(s["uniqueItems"]) is not bool:
            raise SchemaError(f"{at}/uniqueItems: must be a boolean")
        if "pattern" in s:
            if type(s["pattern"]) is not str:
                raise SchemaError(f"{at}/pattern: must be a string")
            self.regex(s["pattern"], f"{at}/pattern")
        if "$ref" in s:
            ref = s["$ref"]
            if type(ref) is not str:
                raise SchemaError(f"{at}/$ref: must be a string")
            self.resolve(ref)

    @staticmethod
    def _check_names(names, at: str) -> None:
        if not _is_array(names) or any(type(n) is not str for n in _as_list(names)):
            raise SchemaError(f"{at}: must be an array of strings")

    def regex(self, pattern: str, at: str = "pattern") -> re.Pattern:
        compiled = self._regex.get(pattern)
        if compiled is None:
            try:
                compiled = re.compile(pattern, re.ASCII)
            except re.error as e:
                raise SchemaError(f"{at}: invalid regular expression {_show(pattern)}: {e}") from None
            self._regex[pattern] = compiled
        return compiled

    def resolve(self, ref: str):
        """The subschema a ``$ref`` names: ``#`` and JSON pointers into the root."""
        if ref == "#" or ref == "":
            return self.root
        if not ref.startswith("#/"):
            raise SchemaError(f"$ref {_show(ref)} is not supported: only references into the schema itself (#/...)")
        node = self.root
        for token in ref[2:].split("/"):
            token = _unescape_token(token)
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif type(node) is list and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                raise SchemaError(f"$ref {_show(ref)} names nothing in the schema")
        if type(node) is not bool and not isinstance(node, dict):
            raise SchemaError(f"$ref {_show(ref)} does not name a schema")
        return node

    # --- validating ----------------------------------------------------------------
    def errors(self, instance) -> list[tuple[str, str]]:
        """What ``instance`` breaks, as (JSON pointer, message); empty when valid."""
        out: list[tuple[str, str]] = []
        self._validate(self.root, instance, "", out, frozenset())
        return out

    def is_valid(self, instance) -> bool:
        return not self.errors(instance)

    def _passes(self, s, v, path, active) -> bool:
        out: list = []
        self._validate(s, v, path, out, active)
        return not out

    def _validate(self, s, v, path: str, out: list, active: frozenset) -> None:
        if s is True:
            return
        if s is False:
            out.append((path, "no value is allowed here"))
            return
        if "$ref" in s:
            target = self.resolve(s["$ref"])
            mark = (id(target), path)
            if mark in active:
                raise SchemaError(f"$ref {_show(s['$ref'])} refers to itself without descending into the value")
            self._validate(target, v, path, out, active | {mark})
        t = s.get("type")
        if t is not None:
            names = _as_list(t) if _is_array(t) else [t]
            if not any(_has_type(v, name) for name in names):
                out.append((path, f"expected {' or '.join(names)}, got {type_of(v)}"))
                return  # the keywords of that type do not apply
        if "enum" in s and not any(equal(v, x) for x in _as_list(s["enum"])):
            out.append((path, f"value {_show(v)} is not one of {_show(_as_list(s['enum']))}"))
        if "const" in s and not equal(v, s["const"]):
            out.append((path, f"value {_show(v)} is not {_show(s['const'])}"))
        if _is_number(v):
            self._numeric(s, v, path, out)
        elif type(v) is str:
            self._string(s, v, path, out)
        if _is_array(v):
            self._array(s, _as_list(v), path, out, active)
        if isinstance(v, dict):
            self._object(s, v, path, out, active)
        self._combinators(s, v, path, out, active)

    def _numeric(self, s, v, path, out) -> None:
        lo, hi = s.get("minimum"), s.get("maximum")
        xlo, xhi = s.get("exclusiveMinimum"), s.get("exclusiveMaximum")
        if xlo is True and lo is not None:  # draft-04
            xlo, lo = lo, None
        if xhi is True and hi is not None:
            xhi, hi = hi, None
        if lo is not None and v < lo:
            out.append((path, f"{_show(v)} is less than the minimum {_show(lo)}"))
        if hi is not None and v > hi:
            out.append((path, f"{_show(v)} is greater than the maximum {_show(hi)}"))
        if _is_number(xlo) and v <= xlo:
            out.append((path, f"{_show(v)} is not greater than the exclusive minimum {_show(xlo)}"))
        if _is_number(xhi) and v >= xhi:
            out.append((path, f"{_show(v)} is not less than the exclusive maximum {_show(xhi)}"))
        m = s.get("multipleOf")
        if m is not None and not _multiple_of(v, m):
            out.append((path, f"{_show(v)} is not a multiple of {_show(m)}"))

    def _string(self, s, v, path, out) -> None:
        n = None
        if "minLength" in s:
            n = len(v)
            if n < s["minLength"]:
                out.append((path, f"string is shorter than {_show(s['minLength'])} characters ({n})"))
        if "maxLength" in s:
            n = len(v) if n is None else n
            if n > s["maxLength"]:
                out.append((path, f"string is longer than {_show(s['maxLength'])} characters ({n})"))
        if "pattern" in s and self.regex(s["pattern"]).search(v) is None:
            out.append((path, f"string {_show(v)} does not match the pattern {_show(s['pattern'])}"))

    def _array(self, s, v: list, path, out, active) -> None:
        n = len(v)
        if "minItems" in s and n < s["minItems"]:
            out.append((path, f"array has {n} items, fewer than the minimum {_show(s['minItems'])}"))
        if "maxItems" in s and n > s["maxItems"]:
            out.append((path, f"array has {n} items, more than the maximum {_show(s['maxItems'])}"))
        if s.get("uniqueItems") is True:
            seen: dict = {}
            for i, x in enumerate(v):
                key = _canonical(x)
                if key in seen:
                    out.append((path, f"items {seen[key]} and {i} are equal, but items must be unique"))
                    break
                seen[key] = i
        prefix = None
        if "prefixItems" in s:
            prefix = _as_list(s["prefixItems"])
            rest = s.get("items")
        elif type(s.get("items")) is list:
            prefix = s["items"]
            rest = s.get("additionalItems")
        else:
            rest = s.get("items")
        start = 0
        if prefix is not None:
            for i, sub in enumerate(prefix[:n]):
                self._validate(sub, v[i], f"{path}/{i}", out, active)
            start = len(prefix)
            if rest is False and n > start:
                out.append((path, f"array has {n} items, more than the {start} its schema allows"))
                rest = None
        if rest is not None:
            for i in range(start, n):
                self._validate(rest, v[i], f"{path}/{i}", out, active)
        if "contains" in s:
            matches = sum(1 for i, x in enumerate(v) if self._passes(s["contains"], x, f"{path}/{i}", active))
            least = s.get("minContains", 1)
            if matches < least:
                if least == 1:
                    out.append((path, "array has no item that matches 'contains'"))
                else:
                    out.append((path, f"array has {matches} items that match 'contains', fewer than {least}"))
            if "maxContains" in s and matches > s["maxContains"]:
                out.append((path, f"array has {matches} items that match 'contains', more than {s['maxContains']}"))

    def _object(self, s, v: dict, path, out, active) -> None:
        keys = sorted(v)
        required = s.get("required")
        if required:
            for name in _as_list(required):
                if name not in v:
                    out.append((path, f"missing required property {_show(name)}"))
        n = len(v)
        if "minProperties" in s and n < s["minProperties"]:
            out.append((path, f"object has {n} properties, fewer than the minimum {_show(s['minProperties'])}"))
        if "maxProperties" in s and n > s["maxProperties"]:
            out.append((path, f"object has {n} properties, more than the maximum {_show(s['maxProperties'])}"))
        props = s.get("properties")
        props = props if isinstance(props, dict) else {}
        patterns = s.get("patternProperties")
        patterns = patterns if isinstance(patterns, dict) else {}
        extra = s.get("additionalProperties")
        for key in keys:
            at = f"{path}/{_pointer_token(key)}"
            matched = key in props
            if matched:
                self._validate(props[key], v[key], at, out, active)
            for pattern, sub in patterns.items():
                if self.regex(pattern).search(key) is not None:
                    matched = True
                    self._validate(sub, v[key], at, out, active)
            if not matched and extra is not None:
                if extra is False:
                    out.append((path, f"additional property {_show(key)} is not allowed"))
                else:
                    self._validate(extra, v[key], at, out, active)
        if "propertyNames" in s:
            for key in keys:
                if not self._passes(s["propertyNames"], key, path, active):
                    out.append((path, f"property name {_show(key)} does not match 'propertyNames'"))
        deps = dict(s["dependencies"]) if isinstance(s.get("dependencies"), dict) else {}
        for key in ("dependentRequired", "dependentSchemas"):
            if isinstance(s.get(key), dict):
                deps.update(s[key])
        for name in sorted(deps):
            if name not in v:
                continue
            dep = deps[name]
            if _is_array(dep):
                for other in _as_list(dep):
                    if other not in v:
                        out.append((path, f"property {_show(name)} requires property {_show(other)}"))
            else:
                self._validate(dep, v, path, out, active)

    def _combinators(self, s, v, path, out, active) -> None:
        for sub in _as_list(s.get("allOf", ())):
            self._validate(sub, v, path, out, active)
        if "anyOf" in s and not any(self._passes(sub, v, path, active) for sub in _as_list(s["anyOf"])):
            out.append((path, "value matches none of the schemas in 'anyOf'"))
        if "oneOf" in s:
            passing = [i for i, sub in enumerate(_as_list(s["oneOf"])) if self._passes(sub, v, path, active)]
            if not passing:
                out.append((path, "value matches none of the schemas in 'oneOf'"))
            elif len(passing) > 1:
                out.append(
                    (path, f"value matches schemas {passing[0]} and {passing[1]} of 'oneOf'; exactly one must match")
                )
        if "not" in s and self._passes(s["not"], v, path, active):
            out.append((path, "value must not match the schema in 'not'"))
        if "if" in s:
            if self._passes(s["if"], v, path, active):
                if "then" in s:
                    self._validate(s["then"], v, path, out, active)
            elif "else" in s:
                self._validate(s["else"], v, path, out, active)


def _multiple_of(v, m) -> bool:
    if type(v) is int and type(m) is int:
        return v % m == 0
    try:
        return Decimal(repr(v)) % Decimal(repr(m)) == 0
    except (InvalidOperation, ArithmeticError):
        q = v / m
        return q == q and q not in (float("inf"), float("-inf")) and float(q).is_integer()


def describe(errors: list[tuple[str, str]]) -> str:
    """One line for a list of errors (the first ``MAX_ERRORS``)."""
    parts = [f"{where(path)}: {message}" for path, message in errors[:MAX_ERRORS]]
    if len(errors) > MAX_ERRORS:
        parts.append(f"and {len(errors) - MAX_ERRORS} more")
    return "; ".join(parts)


# --- compiled schemas, kept -----------------------------------------------------------
_CACHE_SIZE = 100
_cache: OrderedDict = OrderedDict()
_cache_lock = threading.Lock()


def compile_schema(schema, key=None) -> Schema:
    """A checked ``Schema``; ``key`` (hashable, naming the schema's content)
    keeps the last 100 compiled. Raises SchemaError."""
    if key is not None:
        with _cache_lock:
            found = _cache.get(key)
            if found is not None:
                _cache.move_to_end(key)
                return found
    compiled = Schema(schema)
    if key is not None:
        with _cache_lock:
            _cache[key] = compiled
            if len(_cache) > _CACHE_SIZE:
                _cache.popitem(last=False)
    return compiled
