"""The tour example (every workflow and activity module in one app), compiled
as committed under generated/tour, on the real dev server: a status page
served by the test over HTTP, context from the starter, a child workflow, a
local activity, search attributes queryable through visibility."""

from __future__ import annotations

import asyncio
import os
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import pytest_asyncio
import real_servers
from temporalio.api.enums.v1 import EventType

from luac2py.runtime.temporal.client import handle_result, start

from tour.activities import ACTIVITIES  # generated/tour, put on sys.path by conftest.py
from tour.app import APP
from tour.workflows import WORKFLOWS

pytestmark = pytest.mark.asyncio(loop_scope="module")

HISTORIES = Path(__file__).resolve().parents[1] / "histories"


class StatusPage(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802  (http.server's spelling)
        body = b"all systems go"
        self.send_response(200 if self.headers.get("Accept") == "text/plain" else 406)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_):
        pass


@pytest.fixture(scope="module")
def status_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), StatusPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/status"
    server.shutdown()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def tour_dev():
    env = await real_servers.dev_server_for(APP)
    async with real_servers.serving(env.client, APP, WORKFLOWS, ACTIVITIES):
        yield env
    await env.shutdown()


async def test_search_attributes_come_from_the_lua(tour_dev):
    assert APP.search_attributes == {"TourOrder": "Keyword"}


async def test_tour_uses_every_module(tour_dev, status_url):
    client = tour_dev.client
    order_id = f"T-{uuid.uuid4().hex[:6]}"
    order = {"id": order_id, "total": 250, "hold": "1s", "status_url": status_url}
    handle = await start(
        client,
        APP,
        "tour:tour_workflow",
        order,
        context={"user": "ada", "signing_key": "k1"},
    )
    result = await handle_result(handle)
    # uuid, crypto, ctx, workflow, time
    assert len(result["request_id"]) == 36 and result["request_id"][14] == "4"
    assert result["nonce_bytes"] == 8
    assert result["user"] == "ada"
    assert result["label"] == f"order {order_id}"
    assert result["waited_ms"] >= 1000 and result["history_length"] is True
    # http_client through an executor with options and context
    assert result["page"] == 200
    # json, base64, hash, crypto.hmac in the child workflow's activity, keyed by context
    signed = result["receipt"]["signature"]
    payload = result["receipt"]["payload"]
    import hashlib
    import hmac

    assert signed["hmac"] == hmac.new(b"k1", payload.encode(), hashlib.sha256).hexdigest()
    assert signed["sha256"] == hashlib.sha256(payload.encode()).hexdigest()
    assert signed["fields"] == {"order": order_id, "total": 250}
    assert result["stamp"] == {"valid": True, "at": True}
    history = await handle.fetch_history()
    if os.environ.get("LUAC2PY_RECORD_HISTORIES"):
        (HISTORIES / "tour_tour_workflow.json").write_text(history.to_json())
        child = next(
            e.child_workflow_execution_started_event_attributes.workflow_execution
            for e in history.events
            if e.event_type == EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED
        )
        child_history = await client.get_workflow_handle(child.workflow_id, run_id=child.run_id).fetch_history()
        (HISTORIES / "tour_receipt_workflow.json").write_text(child_history.to_json())
    kinds = {e.event_type for e in history.events}
    assert EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED in kinds
    assert EventType.EVENT_TYPE_MARKER_RECORDED in kinds  # the local activity and the version
    found = []
    for _ in range(50):
        found = [w.id async for w in client.list_workflows(f"TourOrder = '{order_id}'")]
        if found:
            break
        await asyncio.sleep(0.2)
    assert found == [handle.id]


async def test_bad_order_fails_with_invalid(tour_dev):
    from luac2py.runtime.temporal.client import WorkflowFailed

    handle = await start(tour_dev.client, APP, "tour:tour_workflow", {"total": 1})
    with pytest.raises(WorkflowFailed) as info:
        await handle_result(handle)
    assert (info.value.kind, info.value.retryable) == ("INVALID", False)


async def test_without_network_the_fetch_is_an_error_value(tour_dev):
    order = {
        "id": "T-offline",
        "total": 5,
        "hold": "1s",
        "status_url": "http://127.0.0.1:9/status",
    }
    handle = await start(tour_dev.client, APP, "tour:tour_workflow", order, context={"user": "bob"})
    result = await handle_result(handle)
    assert result["page"] == "UNAVAILABLE"
    assert result["user"] == "bob"
