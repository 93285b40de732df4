"""receiver.lua written by hand for temporalio: the baseline of
bench/messages.py. A signal handler per topic does the same bookkeeping as
the Lua loop (per-sender last seq, seen seqs, duplicates, order) and the
run waits with ``workflow.wait_condition`` until ``expected`` messages have
come or a "stop" has. Messages after that are ignored, as the Lua body,
which has stopped reading its inbox, never sees them.

Payloads are decoded with the type hint ``dict``: the app's data converter
then decodes them as temporalio's default JSON converter does (plain
dicts, not Lua tables).

A module of its own, as workflows usually are: the workflow sandbox
re-imports a workflow's module for every run, and a workflow defined in the
bench script would make it compile the whole script each time."""

from temporalio import workflow


@workflow.defn(name="bench:handwritten_receiver")
class HandReceiverWorkflow:
    # The input in __init__ too: signals that come with the first workflow
    # task are handled before the run method starts.
    @workflow.init
    def __init__(self, input: dict) -> None:
        self.expected: int = input["expected"]
        self.last_seq: dict[int, int] = {}  # sender -> the highest seq taken
        self.seen: dict[int, set[int]] = {}  # sender -> seqs taken
        self.received = 0
        self.dups = 0
        self.in_order = True
        self.stopped = False

    def done(self) -> bool:
        return self.stopped or self.received >= self.expected

    @workflow.run
    async def run(self, input: dict) -> dict:
        await workflow.wait_condition(self.done)
        return {"received": self.received, "in_order": self.in_order, "dups": self.dups}

    @workflow.signal(name="m")
    def message(self, payload: dict) -> None:
        if self.done():
            return
        sender, seq = payload["sender"], payload["seq"]
        self.received += 1
        seen_of_sender = self.seen.setdefault(sender, set())
        if seq in seen_of_sender:
            self.dups += 1
            return
        seen_of_sender.add(seq)
        last = self.last_seq.get(sender, 0)
        if seq != last + 1:
            self.in_order = False
        self.last_seq[sender] = max(seq, last)

    @workflow.signal(name="stop")
    def stop(self) -> None:
        self.stopped = True
