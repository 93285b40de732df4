"""Wippy's modules in compiled workflow code (tests/fixtures/apps/deterministic)
on a time-skipping server, every history replayed.

``det:modules`` calls each deterministic function of json, uuid, hash,
crypto, base64 and errors once; its results are checked against published
answers. ``det:randomness`` draws the random and time-based values (uuid v4,
v7, v1, crypto.random*, the nonce of crypto.encrypt): the project neither
refuses them in workflows nor records them as side effects, it draws them
from the workflow's seeded random source and clock (runtime/wippy/uuid.py),
so a replay draws them again identically. Each batch names an activity, and
Temporal checks activity IDs on replay: the replay passing, and failing once
an ID in the history is changed, shows the values were drawn again the same.
(``math.random`` and ``os.time`` are what the build refuses: E042 and E040,
tests/test_determinism.py.)"""

from __future__ import annotations

import base64
import hashlib
import hmac
import uuid as pyuuid

import pytest
import pytest_asyncio
from helpers import workflow_id
from temporalio.api.history.v1 import HistoryEvent
from temporalio.client import WorkflowHistory
from temporalio.worker import Replayer

import real_servers
from luac2py.runtime.temporal.client import handle_result, start
from luac2py.runtime.temporal.converter import DATA_CONVERTER
from luac2py.runtime.temporal.worker import WORKER_INTERCEPTORS, WORKFLOW_RUNNER

pytestmark = pytest.mark.asyncio(loop_scope="module")

# Vectors the workflow decrypts and verifies (McGrew & Viega GCM test case 4,
# RFC 8439 section 2.8.2, the jwt.io example token).
GCM_KEY = "feffe9928665731c6d6a8f9467308308"
GCM_AAD = "feedfacedeadbeeffeedfacedeadbeefabaddad2"
GCM_SEALED = (
    "cafebabefacedbaddecaf888"
    "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
    "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091"
    "5bc94fbc3221a5db94fae95ae7121a47"
)
GCM_PLAIN = (
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
    "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"
)
CHACHA_KEY = "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"
CHACHA_AAD = "50515253c0c1c2c3c4c5c6c7"
CHACHA_SEALED = (
    "070000004041424344454647"
    "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
    "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
    "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
    "3ff4def08e4b7a9de576d26586cec64b6116"
    "1ae10b594f09e26a7e902ecbd0600691"
)
CHACHA_PLAIN = (
    "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, "
    "sunscreen would be it."
)
JWT_IO = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
    ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)
VECTORS = {
    "gcm_key": GCM_KEY,
    "gcm_aad": GCM_AAD,
    "gcm_sealed": GCM_SEALED,
    "chacha_key": CHACHA_KEY,
    "chacha_aad": CHACHA_AAD,
    "chacha_sealed": CHACHA_SEALED,
    "jwt_io": JWT_IO,
}
JOHN = {"sub": "1234567890", "name": "John Doe", "iat": 1516239022}


@pytest.fixture(scope="module")
def det_app(compiled_app):
    return compiled_app("deterministic")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def det_client(module_time_skipping_server, det_app):
    client = module_time_skipping_server.client
    async with real_servers.serving(client, det_app.app, det_app.workflows, det_app.activities):
        yield client


def _replayer(app) -> Replayer:
    return Replayer(
        workflows=app.workflows,
        data_converter=DATA_CONVERTER,
        workflow_runner=WORKFLOW_RUNNER,
        interceptors=WORKER_INTERCEPTORS,
    )


async def run(client, app, name, arg=None):
    """The workflow's result and its history, which replays cleanly."""
    handle = await start(client, app.app, f"det:{name}", arg, workflow_id=workflow_id(name))
    result = await handle_result(handle)
    history = await handle.fetch_history()
    replay = await _replayer(app).replay_workflow(history, raise_on_replay_failure=True)
    assert replay.replay_failure is None
    return result, history


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def modules_result(det_client, det_app):
    result, _ = await run(det_client, det_app, "modules", VECTORS)
    return result


async def test_json(modules_result):
    r = modules_result["json"]
    # Keys sorted, as Go's encoding/json writes a map; UTF-8 passes through.
    assert r["encoded"] == '{"a":[1,2,3],"b":1,"c":"café","d":1.5,"e":true}'
    assert r["decoded"] == {"x": [1, 2.5, "s", True], "y": {"z": "é"}}
    assert r["types"] == ["integer", "float"]
    assert r["bad"] is True


async def test_uuid(modules_result):
    r = modules_result["uuid"]
    assert r["v3"] == "5df41881-3aed-3515-88a7-2f4a814cf09e"  # RFC 9562 A.2
    assert r["v5"] == "2ed6657d-e927-568b-95e1-2665a8aea6a2"  # RFC 9562 A.4
    assert r["valid"] == [True, True, False]
    assert (r["version"], r["variant"]) == (5, "RFC4122")
    # RFC 9562 A.1: 2022-02-22T19:22:22Z, node 9f6bdeced846.
    assert r["parsed"] == {"version": 1, "variant": "RFC4122", "timestamp": 1645557742, "node": "9f6bdeced846"}
    assert r["urn"] == "urn:uuid:919108f7-52d1-4320-9bac-f847db4148a8"


async def test_hash(modules_result):
    r = modules_result["hash"]
    assert r["md5"] == "d41d8cd98f00b204e9800998ecf8427e"  # RFC 1321
    assert r["sha1"] == "a9993e364706816aba3e25717850c26c9cd0d89d"  # FIPS 180
    assert r["sha256"] == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    assert r["sha512"] == (
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
        "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
    )
    assert r["sha256_raw"] == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    # FNV-1 reference values (Go's fnv.New32/New64).
    assert r["fnv32"] == 0x050C5D7E
    assert r["fnv64_int"] == 0x08326707B4EB37B8 and isinstance(r["fnv64_int"], int)
    assert r["fnv64_float"] == float(0xAF63BD4C8601B7BE)
    # RFC 2202 / RFC 4231 test case 2 (data first, then the secret).
    assert r["hmac_md5"] == "750c783e6ab0b503eaa86e310a5db738"
    assert r["hmac_sha1"] == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"
    assert r["hmac_sha256"] == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    assert r["hmac_sha512"] == (
        "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
        "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"
    )


async def test_crypto_deterministic_parts(modules_result):
    r = modules_result["crypto"]
    # RFC 4231 test case 1 (key first).
    assert r["hmac_sha256"] == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
    assert r["hmac_sha512"] == (
        "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
        "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"
    )
    assert r["pbkdf2"] == (  # RFC 7914 section 11
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
        "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
    )
    assert (r["same"], r["differ"]) == (True, False)
    assert r["gcm_plain"] == GCM_PLAIN
    assert r["chacha_plain"] == CHACHA_PLAIN
    assert r["jwt_claims"] == JOHN and r["jwt_round_trip"] == JOHN
    # HS256 over the compact JSON with sorted keys: recomputed here (no
    # published vector for this key order).
    header, claims, signature = r["jwt"].split(".")
    assert header == "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"  # {"alg":"HS256","typ":"JWT"}
    assert _unb64(claims) == b'{"iat":1516239022,"name":"John Doe","sub":"1234567890"}'
    mac = hmac.new(b"your-256-bit-secret", f"{header}.{claims}".encode(), hashlib.sha256).digest()
    assert _unb64(signature) == mac


def _unb64(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


async def test_base64(modules_result):
    r = modules_result["base64"]
    assert (r["encoded"], r["decoded"], r["bad"]) == ("Zm9vYmFy", "foobar", "INVALID")  # RFC 4648 section 10


async def test_errors(modules_result):
    r = modules_result["errors"]
    assert (r["kind"], r["message"], r["retryable"]) == ("INVALID", "bad input", False)
    assert (r["wrapped"], r["wrapped_kind"], r["wrapped_retryable"]) == ("while parsing: bad input", "INVALID", False)
    assert (r["is_invalid"], r["is_not_found"]) == (True, False)
    assert (r["plain"], r["plain_unknown"]) == ("just text", True)


# --- random and time-based values ------------------------------------------------------


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def two_runs(det_client, det_app):
    return [await run(det_client, det_app, "randomness") for _ in range(2)]


def _activity_id(batch: dict) -> str:
    keys = ("v4", "v7", "v1", "bytes", "random_bytes", "text", "rid", "sealed")
    return "/".join(batch[k] for k in keys)


async def test_random_values_replay_and_name_the_activities(two_runs):
    for result, history in two_runs:
        scheduled = [
            e.activity_task_scheduled_event_attributes.activity_id
            for e in history.events
            if e.HasField("activity_task_scheduled_event_attributes")
        ]
        # The activities ran under the IDs the values make, and echoed them.
        assert scheduled == [_activity_id(result["first"]), _activity_id(result["second"])]
        assert result["echoed"] == scheduled


async def test_random_values_have_their_layouts(two_runs):
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    for result, _ in two_runs:
        first, second = result["first"], result["second"]
        for b in (first, second):
            assert pyuuid.UUID(b["v4"]).version == 4 and pyuuid.UUID(b["rid"]).version == 4
            v7, v1 = pyuuid.UUID(b["v7"]), pyuuid.UUID(b["v1"])
            assert v7.version == 7 and v7.int >> 80 == b["now_ms"]  # workflow time, in ms
            assert v1.version == 1 and (v1.time - 0x01B21DD213814000) // 10_000 == b["now_ms"]
            assert len(b["bytes"]) == 16 and len(b["random_bytes"]) == 8 and len(b["text"]) == 10
            sealed = bytes.fromhex(b["sealed"])
            assert AESGCM(b"k" * 32).decrypt(sealed[:12], sealed[12:], None) == b"secret" == b["opened"].encode()
        assert second["now_ms"] - first["now_ms"] >= 3_600_000  # the skipped hour of workflow time
        assert all(first[k] != second[k] for k in ("v4", "v7", "bytes", "text", "rid", "sealed"))  # fresh draws
    (a, _), (b, _) = two_runs
    assert a["first"]["v4"] != b["first"]["v4"] and a["first"]["bytes"] != b["first"]["bytes"]  # a seed per run


async def test_a_changed_value_fails_the_replay(two_runs, det_app):
    # What the replays above pass on: a history whose first activity ID is not
    # the one the workflow code draws again is a nondeterminism failure.
    _, history = two_runs[0]
    events = []
    for e in history.events:
        copy = HistoryEvent()
        copy.CopyFrom(e)
        if copy.HasField("activity_task_scheduled_event_attributes") and not any(
            x.HasField("activity_task_scheduled_event_attributes") for x in events
        ):
            attrs = copy.activity_task_scheduled_event_attributes
            attrs.activity_id = (
                str(pyuuid.UUID(int=pyuuid.UUID(attrs.activity_id[:36]).int ^ 1)) + attrs.activity_id[36:]
            )
        events.append(copy)
    tampered = WorkflowHistory(history.workflow_id, events)
    replay = await _replayer(det_app).replay_workflow(tampered, raise_on_replay_failure=False)
    assert replay.replay_failure is not None
    assert "nondetermin" in str(replay.replay_failure).lower()
