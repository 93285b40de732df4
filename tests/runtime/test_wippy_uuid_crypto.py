"""The ``uuid``, ``crypto`` and ``hash`` Wippy modules, run from compiled Lua:
formats and layouts (RFC 9562), known-answer vectors (RFC 4231, 2202, 2104,
7914, 8439, 7515, the GCM spec's test cases, FIPS 180), Wippy's error
conventions, and determinism inside a workflow on the real time-skipping
server, checked by replaying the recorded history."""

from __future__ import annotations

import importlib.util
import itertools
import re
import time
import uuid as pyuuid
from datetime import timedelta

import pytest
from temporalio import workflow
from temporalio.worker import Replayer, Worker
from temporalio.worker.workflow_sandbox import SandboxedWorkflowRunner, SandboxRestrictions

from luac2py.driver import compile_script
from luac2py.runtime.env import new_env
from luac2py.runtime.temporal.converter import DATA_CONVERTER
from luac2py.runtime.wippy.crypto import CRYPTO, HASH
from luac2py.runtime.wippy.errors import ErrorObject
from luac2py.runtime.wippy.json import JSON, to_python
from luac2py.runtime.wippy.time import TimeModule
from luac2py.runtime.wippy.uuid import UUID

# --- compiling and running Lua ------------------------------------------------

_programs = itertools.count()


def compile_lua(tmp_path, source: str):
    """The ``chunk`` function of a compiled Lua program."""
    n = next(_programs)
    src = tmp_path / f"prog{n}.lua"
    src.write_bytes(source.encode("utf-8"))
    out = compile_script(src, tmp_path / f"prog{n}.py", chunkname=f"prog{n}.lua")
    spec = importlib.util.spec_from_file_location(f"wippy_test_prog_{n}", out)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.chunk


def run_lua(tmp_path, source: str, modules: dict, *args) -> tuple:
    """Compile and run a Lua program; its results as a tuple."""
    result = compile_lua(tmp_path, source)(new_env(modules), *args)
    return result if isinstance(result, tuple) else (result,)


def kind_of(err) -> str | None:
    assert isinstance(err, ErrorObject), err
    return err.kind()


MODULES = {"uuid": UUID, "crypto": CRYPTO, "hash": HASH, "json": JSON}

HEX = """
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local function unhex(h) return (h:gsub("..", function(x) return string.char(tonumber(x, 16)) end)) end
"""


def lua(tmp_path, body: str, *args) -> tuple:
    return run_lua(tmp_path, HEX + body, MODULES, *args)


UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-([0-9a-f])[0-9a-f]{3}-[0-9a-f]{12}$")


def layout(s: str) -> tuple[str, str]:
    """(version digit, variant digit) of a canonical lower-case UUID."""
    m = UUID_RE.match(s)
    assert m, s
    return m.group(1), m.group(2)


# --- uuid ------------------------------------------------------------------------


def test_v4_format_uniqueness_and_two_results(tmp_path):
    ids, err, count = lua(
        tmp_path,
        """
        local uuid = require("uuid")
        local ids = {}
        for i = 1, 500 do ids[i] = uuid.v4() end
        local _, err = uuid.v4()
        return ids, err, select("#", uuid.v4())
        """,
    )
    ids = to_python(ids)
    assert len(ids) == 500 and len(set(ids)) == 500
    for s in ids:
        version, variant = layout(s)
        assert version == "4" and variant in "89ab"
    assert err is None and count == 2


def test_v4_without_the_alias_path(tmp_path):
    # Reached through a table, as lowering cannot see: the runtime alone.
    a, err = lua(tmp_path, 'local m = {u = require("uuid")} return m.u.v4()')
    assert layout(a)[0] == "4" and err is None


def test_v7_layout_time_and_order(tmp_path):
    before = time.time_ns() // 1_000_000
    ids, info = lua(
        tmp_path,
        """
        local uuid = require("uuid")
        local ids = {}
        for i = 1, 3000 do ids[i] = uuid.v7() end
        return ids, (uuid.parse(ids[1]))
        """,
    )
    after = time.time_ns() // 1_000_000
    ids = to_python(ids)
    assert ids == sorted(ids) and len(set(ids)) == len(ids)  # strictly increasing
    for s in ids[:50] + ids[-50:]:
        u = pyuuid.UUID(s)
        assert layout(s) == ("7", layout(s)[1]) and layout(s)[1] in "89ab"
        assert u.version == 7 and (u.int >> 62) & 0b11 == 0b10
        assert before <= u.int >> 80 <= after + 1  # 48-bit Unix milliseconds
    assert to_python(info) == {"version": 7, "variant": "RFC4122", "timestamp": (pyuuid.UUID(ids[0]).int >> 80) // 1000}


def test_v1_and_its_timestamp(tmp_path):
    now = int(time.time())
    s, info = lua(tmp_path, 'local uuid = require("uuid") local id = uuid.v1() return id, (uuid.parse(id))')
    assert layout(s)[0] == "1" and layout(s)[1] in "89ab"
    info = to_python(info)
    assert info["version"] == 1 and abs(info["timestamp"] - now) <= 2 and len(info["node"]) == 6


def test_name_based_known_answers(tmp_path):
    # RFC 9562 appendix A.2 (v3) and A.4 (v5): "www.example.com" in the DNS namespace.
    results = lua(
        tmp_path,
        """
        local uuid = require("uuid")
        local DNS = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
        local a = uuid.v3(DNS, "www.example.com")
        local b = uuid.v5(DNS, "www.example.com")
        local c, cerr = uuid.v5("not-a-uuid", "x")
        local d, derr = uuid.v3(DNS, 42)
        return a, b, c, cerr, d, derr
        """,
    )
    a, b, c, cerr, d, derr = results
    assert a == "5df41881-3aed-3515-88a7-2f4a814cf09e"
    assert b == "2ed6657d-e927-568b-95e1-2665a8aea6a2"
    assert c is None and kind_of(cerr) == "INVALID" and cerr.message() == "invalid namespace UUID"
    assert d is None and kind_of(derr) == "INVALID" and derr.retryable() is False


def test_validate_accepts_go_forms(tmp_path):
    (checks,) = lua(
        tmp_path,
        """
        local uuid = require("uuid")
        local inputs = {
          "017f22e2-79b0-7cc3-98c4-dc0c0c07398f", "017F22E2-79B0-7CC3-98C4-DC0C0C07398F",
          "{017f22e2-79b0-7cc3-98c4-dc0c0c07398f}", "urn:uuid:017f22e2-79b0-7cc3-98c4-dc0c0c07398f",
          "017f22e279b07cc398c4dc0c0c07398f",
          "017f22e2-79b0-7cc3-98c4-dc0c0c07398", "017f22e2_79b0_7cc3_98c4_dc0c0c07398f",
          "017f22e2-79b0-7cc3-98c4-dc0c0c07398g", "", "x",
        }
        local out = {}
        for i, s in ipairs(inputs) do out[i] = uuid.validate(s) end
        out[#inputs + 1] = uuid.validate(12)
        out[#inputs + 2] = uuid.validate(nil)
        return out
        """,
    )
    assert to_python(checks) == [True] * 5 + [False] * 7


def test_parse_rfc_examples_version_variant_format(tmp_path):
    results = lua(
        tmp_path,
        """
        local uuid = require("uuid")
        local v7 = uuid.parse("017F22E2-79B0-7CC3-98C4-DC0C0C07398F")   -- RFC 9562 A.6
        local v1 = uuid.parse("C232AB00-9414-11EC-B3C8-9F6BDECED846")   -- RFC 9562 A.1
        local v4 = uuid.parse("919108f7-52d1-4320-9bac-f847db4148a8")
        local variants = {
          uuid.variant("919108f7-52d1-4320-9bac-f847db4148a8"),
          uuid.variant("919108f7-52d1-4320-cbac-f847db4148a8"),
          uuid.variant("919108f7-52d1-4320-ebac-f847db4148a8"),
          uuid.variant("919108f7-52d1-4320-1bac-f847db4148a8"),
        }
        local id = "919108F7-52D1-4320-9BAC-F847DB4148A8"
        local formats = {uuid.format(id), uuid.format(id, "simple"), uuid.format(id, "urn"), uuid.format(id, "standard")}
        local bad, bad_err = uuid.format(id, "braces")
        local nover, nover_err = uuid.version("nope")
        local notype, notype_err = uuid.parse({})
        return v7, v1.version, v1.timestamp, hex(v1.node), v4, variants, formats,
               uuid.version(id), bad, bad_err, nover, nover_err, notype_err
        """,
    )
    v7, v1_version, v1_ts, node, v4, variants, formats, version, bad, bad_err, nover, nover_err, notype_err = results
    assert to_python(v7) == {"version": 7, "variant": "RFC4122", "timestamp": 1645557742}
    assert (v1_version, v1_ts, node) == (1, 1645557742, "9f6bdeced846")
    assert to_python(v4) == {"version": 4, "variant": "RFC4122"}
    assert to_python(variants) == ["RFC4122", "Microsoft", "Future", "Reserved"]
    assert to_python(formats) == [
        "919108f7-52d1-4320-9bac-f847db4148a8",
        "919108f752d143209bacf847db4148a8",
        "urn:uuid:919108f7-52d1-4320-9bac-f847db4148a8",
        "919108f7-52d1-4320-9bac-f847db4148a8",
    ]
    assert version == 4
    assert bad is None and kind_of(bad_err) == "INVALID" and bad_err.message() == "unsupported format"
    assert nover is None and nover_err.message() == "invalid UUID format" and kind_of(nover_err) == "INVALID"
    assert notype_err.message() == "input must be a string"


# --- crypto: random ------------------------------------------------------------


def test_random_bytes_both_spellings_and_limits(tmp_path):
    results = lua(
        tmp_path,
        """
        local crypto = require("crypto")
        local a, aerr = crypto.random.bytes(32)
        local b = crypto.random_bytes(32)
        local big = crypto.random.bytes(1048576)
        local zero, zero_err = crypto.random.bytes(0)
        local huge, huge_err = crypto.random_bytes(1048577)
        local ok, msg = pcall(crypto.random.bytes, "many")
        return #a, aerr, #b, a ~= b, #big, zero, zero_err, huge, huge_err, ok, msg, select("#", crypto.random_bytes(1))
        """,
    )
    n_a, aerr, n_b, differ, n_big, zero, zero_err, huge, huge_err, ok, msg, count = results
    assert (n_a, aerr, n_b, differ, n_big) == (32, None, 32, True, 1048576)
    assert zero is None and kind_of(zero_err) == "INVALID" and "positive" in zero_err.message()
    assert huge is None and kind_of(huge_err) == "INVALID" and "1MB" in huge_err.message()
    assert ok is False and "bad argument #1 to 'bytes' (number expected, got string)" in str(msg)
    assert count == 2


def test_random_string_charsets(tmp_path):
    results = lua(
        tmp_path,
        """
        local crypto = require("crypto")
        local default = crypto.random.string(400)
        local ab = crypto.random.string(2000, "ab")
        local empty, empty_err = crypto.random.string(5, "")
        local id = crypto.random.uuid()
        return default, ab, empty, empty_err, id
        """,
    )
    default, ab, empty, empty_err, rid = results
    assert len(default) == 400 and re.fullmatch(r"[A-Za-z0-9]+", default)
    assert len(set(default)) > 30  # drawn across the whole alphabet
    assert set(ab) == {"a", "b"} and 800 < ab.count("a") < 1200
    assert empty is None and kind_of(empty_err) == "INVALID"
    assert layout(rid)[0] == "4"


# --- crypto: hmac, pbkdf2, compare ---------------------------------------------


def test_hmac_rfc4231_vectors(tmp_path):
    results = lua(
        tmp_path,
        """
        local crypto = require("crypto")
        local key1 = string.rep("\\x0b", 20)
        local a = crypto.hmac.sha256(key1, "Hi There")
        local b = crypto.hmac.sha512(key1, "Hi There")
        local c = crypto.hmac.sha256("Jefe", "what do ya want for nothing?")
        local d = crypto.hmac.sha512("Jefe", "what do ya want for nothing?")
        local e, e_err = crypto.hmac.sha256("", "data")
        return a, b, c, d, e, e_err
        """,
    )
    a, b, c, d, e, e_err = results
    assert a == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
    assert b == (
        "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
        "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"
    )
    assert c == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    assert d == (
        "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
        "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"
    )
    assert e is None and kind_of(e_err) == "INVALID" and e_err.message() == "key cannot be empty"


def test_pbkdf2_vectors_and_errors(tmp_path):
    results = lua(
        tmp_path,
        """
        local crypto = require("crypto")
        local a = crypto.pbkdf2("passwd", "salt", 1, 64)                    -- RFC 7914 section 11
        local b = crypto.pbkdf2("Password", "NaCl", 80000, 64, "sha256")
        local c = crypto.pbkdf2("password", "salt", 1, 64, "sha512")
        local _, e1 = crypto.pbkdf2("", "salt", 1, 16)
        local _, e2 = crypto.pbkdf2("p", "salt", 0, 16)
        local _, e3 = crypto.pbkdf2("p", "salt", 10000001, 16)
        local _, e4 = crypto.pbkdf2("p", "salt", 1, 16, "md5")
        local _, e5 = crypto.pbkdf2("p", "", 1, 16)
        return hex(a), hex(b), hex(c), e1, e2, e3, e4, e5
        """,
    )
    a, b, c, *errs = results
    assert a == (
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
        "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
    )
    assert b == (
        "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
        "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"
    )
    assert c == (
        "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252"
        "c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce"
    )
    assert [kind_of(e) for e in errs] == ["INVALID"] * 5
    assert [e.message() for e in errs] == [
        "password cannot be empty",
        "iterations must be positive",
        "iterations exceeds maximum (10000000)",
        "unsupported hash function: md5",
        "salt cannot be empty",
    ]


def test_constant_time_compare_returns_one_boolean(tmp_path):
    results = lua(
        tmp_path,
        """
        local crypto = require("crypto")
        return crypto.constant_time_compare("secret", "secret"), crypto.constant_time_compare("secret", "secreT"),
               crypto.constant_time_compare("a", "ab"), select("#", crypto.constant_time_compare("a", "a"))
        """,
    )
    assert results == (True, False, False, 1)


# --- crypto: authenticated encryption --------------------------------------------

GCM_KEY = "feffe9928665731c6d6a8f9467308308"
GCM_IV = "cafebabefacedbaddecaf888"
GCM_PLAIN = (
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
    "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"
)
GCM_AAD = "feedfacedeadbeeffeedfacedeadbeefabaddad2"
GCM_CIPHER_TAG = (
    "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
    "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091"
    "5bc94fbc3221a5db94fae95ae7121a47"
)


def test_aes_gcm_decrypts_the_spec_vectors(tmp_path):
    # McGrew & Viega, "The Galois/Counter Mode of Operation", test cases 2 and 4.
    results = lua(
        tmp_path,
        """
        local crypto = require("crypto")
        local key, iv, aad, sealed = ...
        local zero16 = string.rep("\\0", 16)
        local tc2 = crypto.decrypt.aes(string.rep("\\0", 12) .. unhex("0388dace60b6a392f328c2b971b2fe78"
                                       .. "ab6e47d42cec13bdf53a67b21257bddf"), zero16)
        local tc4, err = crypto.decrypt.aes(unhex(iv .. sealed), unhex(key), unhex(aad))
        local wrong, wrong_err = crypto.decrypt.aes(unhex(iv .. sealed), unhex(key), "other aad")
        return hex(tc2), hex(tc4), err, wrong, wrong_err
        """,
        GCM_KEY,
        GCM_IV,
        GCM_AAD,
        GCM_CIPHER_TAG,
    )
    tc2, tc4, err, wrong, wrong_err = results
    assert tc2 == "00" * 16
    assert tc4 == GCM_PLAIN and err is None
    assert wrong is None and kind_of(wrong_err) == "INTERNAL" and wrong_err.retryable() is False


def test_aes_gcm_round_trip_layout_and_errors(tmp_path):
    results = lua(
        tmp_path,
        """
        local crypto = require("crypto")
        local out = {}
        for _, n in ipairs({16, 24, 32}) do
          local key = string.rep("k", n)
          local sealed = crypto.encrypt.aes("attack at dawn", key, "hdr")
          local again = crypto.encrypt.aes("attack at dawn", key, "hdr")
          local plain = crypto.decrypt.aes(sealed, key, "hdr")
          local tampered = sealed:sub(1, -2) .. string.char((sealed:byte(-1) + 1) % 256)
          local t, t_err = crypto.decrypt.aes(tampered, key, "hdr")
          out[#out + 1] = {len = #sealed, plain = plain, differs = sealed ~= again, t = t, t_kind = t_err:kind()}
        end
        local _, short_err = crypto.decrypt.aes("short", string.rep("k", 16))
        local _, key_err = crypto.encrypt.aes("x", "short key")
        local _, dkey_err = crypto.decrypt.aes(string.rep("x", 40), "short key")
        return out, short_err, key_err, dkey_err
        """,
    )
    out, short_err, key_err, dkey_err = results
    for row in to_python(out):
        assert row == {"len": 12 + 14 + 16, "plain": "attack at dawn", "differs": True, "t_kind": "INTERNAL"}
    assert kind_of(short_err) == "INVALID" and short_err.message() == "encrypted data too short"
    assert kind_of(key_err) == "INVALID" and key_err.message() == "key must be 16, 24, or 32 bytes"
    assert kind_of(dkey_err) == "INVALID"


def test_chacha20_poly1305_rfc8439_vector_and_round_trip(tmp_path):
    plain = (
        "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, "
        "sunscreen would be it."
    )
    sealed = (
        "070000004041424344454647"
        "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
        "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
        "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
        "3ff4def08e4b7a9de576d26586cec64b6116"
        "1ae10b594f09e26a7e902ecbd0600691"
    )
    results = lua(
        tmp_path,
        """
        local crypto = require("crypto")
        local sealed = ...
        local key = unhex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f")
        local plain = crypto.decrypt.chacha20(unhex(sealed), key, unhex("50515253c0c1c2c3c4c5c6c7"))
        local again = crypto.decrypt.chacha20(crypto.encrypt.chacha20("round trip", key), key)
        local _, key_err = crypto.encrypt.chacha20("x", string.rep("k", 16))
        return plain, again, key_err
        """,
        sealed,
    )
    assert results[0] == plain and results[1] == "round trip"
    assert kind_of(results[2]) == "INVALID" and results[2].message() == "key must be 32 bytes"


# --- crypto: jwt -------------------------------------------------------------------

JWT_IO = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
    ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)
# RFC 7515 appendix A.1: HS256 with a binary key; its exp is in 2011.
RFC7515_TOKEN = (
    "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
    "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ."
    "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
)
RFC7515_KEY_HEX = (
    "0323354b2b0fa5bc837e0665777ba68f5ab328e6f054c928a90f84b2d2502ebf"
    "d3fb5a92d20647ef968ab4c377623d223d2e2172052e4f08c0cd9af567d080a3"
)


def test_jwt_verify_known_tokens(tmp_path):
    results = lua(
        tmp_path,
        """
        local crypto = require("crypto")
        local jwt_io, rfc_token, rfc_key = ...
        local claims, err = crypto.jwt.verify(jwt_io, "your-256-bit-secret", "HS256", false)
        local _, need_exp = crypto.jwt.verify(jwt_io, "your-256-bit-secret")
        local _, wrong_key = crypto.jwt.verify(jwt_io, "another secret", "HS256", false)
        local _, wrong_alg = crypto.jwt.verify(jwt_io, "your-256-bit-secret", "HS512", false)
        local _, expired = crypto.jwt.verify(rfc_token, unhex(rfc_key), "HS256", false)
        local _, tampered = crypto.jwt.verify(rfc_token:sub(1, -2) .. "Y", unhex(rfc_key), "HS256", false)
        local _, malformed = crypto.jwt.verify("a.b", "k")
        return claims, err, need_exp, wrong_key, wrong_alg, expired, tampered, malformed
        """,
        JWT_IO,
        RFC7515_TOKEN,
        RFC7515_KEY_HEX,
    )
    claims, err, need_exp, wrong_key, wrong_alg, expired, tampered, malformed = results
    assert to_python(claims) == {"sub": "1234567890", "name": "John Doe", "iat": 1516239022} and err is None
    messages = [e.message() for e in (need_exp, wrong_key, wrong_alg, expired, tampered, malformed)]
    assert messages == [
        "verify token: token has invalid claims: token is missing required claim: exp claim is required",
        "verify token: token signature is invalid: signature is invalid",
        "verify token: token signature is invalid: signing method HS256 is invalid",
        "verify token: token has invalid claims: token is expired",  # the signature checked out
        "verify token: token signature is invalid: signature is invalid",
        "verify token: token is malformed: token contains an invalid number of segments",
    ]
    assert {kind_of(e) for e in (need_exp, expired, malformed)} == {"INTERNAL"}


def test_jwt_encode_hmac_round_trip(tmp_path):
    exp = int(time.time()) + 3600
    results = lua(
        tmp_path,
        """
        local crypto = require("crypto")
        local exp = ...
        local token = crypto.jwt.encode({sub = "u-1", exp = exp, roles = {"a", "b"}}, "secret")
        local claims, err = crypto.jwt.verify(token, "secret")
        local t512 = crypto.jwt.encode({sub = "u-2", exp = exp, _header = {kid = "k1"}}, "secret", "HS512")
        local c512 = crypto.jwt.verify(t512, "secret", "HS512")
        local early = crypto.jwt.encode({exp = exp, nbf = exp}, "secret")
        local _, early_err = crypto.jwt.verify(early, "secret")
        local _, bad_alg = crypto.jwt.encode({}, "secret", "none")
        local ok, msg = pcall(crypto.jwt.encode, "not a table", "secret")
        return token, claims, err, t512, c512, early_err, bad_alg, ok, msg
        """,
        exp,
    )
    token, claims, err, t512, c512, early_err, bad_alg, ok, msg = results
    assert token.split(".")[0] == "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"  # {"alg":"HS256","typ":"JWT"}
    assert to_python(claims) == {"sub": "u-1", "exp": exp, "roles": ["a", "b"]} and err is None
    import base64
    import json

    header = json.loads(base64.urlsafe_b64decode(t512.split(".")[0] + "=="))
    assert header == {"alg": "HS512", "typ": "JWT", "kid": "k1"}
    assert to_python(c512) == {"sub": "u-2", "exp": exp}
    assert early_err.message().endswith("token is not valid yet")
    assert kind_of(bad_alg) == "INVALID"
    assert ok is False and "bad argument #1 to 'encode' (table expected, got string)" in str(msg)


def test_jwt_rs256_with_pem_keys(tmp_path):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    def pem_pair():
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        private = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        public = key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        return private.decode(), public.decode()

    private, public = pem_pair()
    _, other_public = pem_pair()
    results = lua(
        tmp_path,
        """
        local crypto = require("crypto")
        local private, public, other = ...
        local token = crypto.jwt.encode({sub = "svc"}, private, "RS256")
        local claims = crypto.jwt.verify(token, public, "RS256", false)
        local _, wrong = crypto.jwt.verify(token, other, "RS256", false)
        local _, not_pem = crypto.jwt.encode({sub = "svc"}, "not a key", "RS256")
        return claims, wrong, not_pem
        """,
        private,
        public,
        other_public,
    )
    claims, wrong, not_pem = results
    assert to_python(claims) == {"sub": "svc"}
    assert wrong.message() == "verify token: token signature is invalid: signature is invalid"
    assert kind_of(not_pem) == "INVALID" and "invalid RSA private key" in not_pem.message()


# --- hash ---------------------------------------------------------------------------


def test_hash_module_vectors(tmp_path):
    results = lua(
        tmp_path,
        """
        local hash = require("hash")
        return hash.md5(""), hash.sha1("abc"), hash.sha256("abc"), hash.sha512("abc"),
               #hash.sha256("abc", true), hex(hash.sha256("abc", true)),
               hash.hmac_md5("what do ya want for nothing?", "Jefe"),
               hash.hmac_sha1("what do ya want for nothing?", "Jefe"),
               hash.hmac_sha256("what do ya want for nothing?", "Jefe"),
               hash.hmac_sha512("what do ya want for nothing?", "Jefe"),
               hash.fnv32("a"), hash.fnv32(""), (hash.fnv64("a"))
        """,
    )
    md5, sha1, sha256, sha512, raw_len, raw_hex, h_md5, h_sha1, h_sha256, h_sha512, f32a, f32e, f64a = results
    assert md5 == "d41d8cd98f00b204e9800998ecf8427e"
    assert sha1 == "a9993e364706816aba3e25717850c26c9cd0d89d"
    assert sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" == raw_hex and raw_len == 32
    assert sha512.startswith("ddaf35a193617aba") and sha512.endswith("a54ca49f") and len(sha512) == 128
    assert h_md5 == "750c783e6ab0b503eaa86e310a5db738"  # RFC 2104
    assert h_sha1 == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"  # RFC 2202
    assert h_sha256 == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"  # RFC 4231
    assert h_sha512.startswith("164b7a7bfcf819e2")
    # FNV-1 (Go's hash/fnv New32/New64), not FNV-1a.
    assert (f32a, f32e) == (0x050C5D7E, 0x811C9DC5)
    assert f64a == float(0xAF63BD4C8601B7BE)


def test_hash_rejects_non_strings(tmp_path):
    results = lua(
        tmp_path,
        'local hash = require("hash") local a, e1 = hash.sha256({}) local b, e2 = hash.hmac_sha256("x", nil) return a, e1, b, e2',
    )
    assert results[0] is None and results[1].message() == "data must be a string" and kind_of(results[1]) == "INVALID"
    assert results[2] is None and results[3].message() == "secret must be a string"


# --- determinism inside a workflow -----------------------------------------------

WORKFLOW_LUA = HEX + """
local uuid = require("uuid")
local crypto = require("crypto")
local time = require("time")
return function()
  local key = string.rep("k", 32)
  return {
    v4 = uuid.v4(), v7a = uuid.v7(), v7b = uuid.v7(), v1 = uuid.v1(),
    bytes = hex(crypto.random.bytes(16)), seeds_bytes = hex(crypto.random_bytes(8)),
    text = crypto.random.string(12), rid = crypto.random.uuid(),
    sealed = hex(crypto.encrypt.aes("secret", key)),
    now_ms = time.now():unix_nano() // 1000000,
  }
end
"""
_PROGRAM: dict = {}  # the compiled chunk
RUNS: list = []  # what each execution of the workflow code produced, replays included
# The sandbox generated packages use (luac2py passed through), with this module
# passed through as well, so that the workflow sees _PROGRAM and fills RUNS.
SANDBOX = SandboxedWorkflowRunner(
    restrictions=SandboxRestrictions.default.with_passthrough_modules("luac2py", __name__)
)


@workflow.defn(name="wippy_uuid_crypto_determinism")
class DeterminismWorkflow:
    @workflow.run
    async def run(self) -> list:
        results = []
        for _ in range(2):
            env_modules = {"uuid": UUID, "crypto": CRYPTO, "time": TimeModule()}
            generate = _PROGRAM["chunk"](new_env(env_modules))
            results.append(to_python(generate()))
            await workflow.sleep(timedelta(hours=1))  # the second batch comes from a later task
        RUNS.append(results)
        return results


@pytest.mark.temporal
@pytest.mark.asyncio(loop_scope="session")
async def test_workflow_randomness_is_replay_safe(time_skipping_server, tmp_path):
    ts_client = time_skipping_server.client
    _PROGRAM["chunk"] = compile_lua(tmp_path, WORKFLOW_LUA)
    queue = "wippy-uuid-crypto"
    worker = Worker(ts_client, task_queue=queue, workflows=[DeterminismWorkflow], workflow_runner=SANDBOX)
    async with worker:
        handles = [
            await ts_client.start_workflow(DeterminismWorkflow.run, id=f"wippy-det-{pyuuid.uuid4()}", task_queue=queue)
            for _ in range(2)
        ]
        results = [await h.result() for h in handles]
    wall_ms = time.time_ns() // 1_000_000
    histories = [await h.fetch_history() for h in handles]

    RUNS.clear()
    replayer = Replayer(workflows=[DeterminismWorkflow], workflow_runner=SANDBOX, data_converter=DATA_CONVERTER)
    for history in histories:
        await replayer.replay_workflow(history)
    assert RUNS == results  # the replays generated every value again, identically

    a, b = results
    assert a[0]["v4"] != b[0]["v4"] and a[0]["bytes"] != b[0]["bytes"]  # each execution its own seed
    assert a[0]["v4"] != a[1]["v4"] and a[0]["text"] != a[1]["text"]  # fresh values within one
    for batch in a + b:
        assert layout(batch["v4"])[0] == "4" and layout(batch["rid"])[0] == "4"
        v7a, v7b = pyuuid.UUID(batch["v7a"]), pyuuid.UUID(batch["v7b"])
        assert v7a.version == v7b.version == 7 and v7a.int >> 80 == batch["now_ms"]
        assert v7a.int < v7b.int  # ordered within one millisecond of workflow time
        v1 = pyuuid.UUID(batch["v1"])
        assert v1.version == 1 and (v1.time - 0x01B21DD213814000) // 10_000 == batch["now_ms"]
        assert len(batch["bytes"]) == 32 and len(batch["seeds_bytes"]) == 16 and len(batch["text"]) == 12
        sealed = bytes.fromhex(batch["sealed"])
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        assert AESGCM(b"k" * 32).decrypt(sealed[:12], sealed[12:], None) == b"secret"
    # Workflow time, not the wall clock: the skipped hour shows in the second batch.
    assert a[1]["now_ms"] - a[0]["now_ms"] >= 3_600_000
    assert a[1]["now_ms"] > wall_ms + 3_000_000
