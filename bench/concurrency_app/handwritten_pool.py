"""pool.lua written by hand for temporalio: the baseline of the replay figure
of bench/concurrency.py. The same worker pool with asyncio: ``workers``
tasks take jobs from an asyncio.Queue until they get the end marker (one per
worker, where pool.lua closes its channel), each sleeps 1 ms with a durable
timer (``workflow.sleep``, as ``time.sleep`` does in generated code) and puts
job * 2 on a results queue, which the workflow sums.

A module of its own, as workflows usually are: the workflow sandbox
re-imports a workflow's module for every run, and a workflow defined in the
bench script would make it compile the whole script each time."""

import asyncio
from datetime import timedelta

from temporalio import workflow

JOB_SLEEP = timedelta(milliseconds=1)


@workflow.defn(name="bench:handwritten_pool")
class HandPoolWorkflow:
    @workflow.run
    async def run(self, input: dict) -> int:
        n, workers = input["jobs"], input["workers"]
        work: asyncio.Queue = asyncio.Queue()
        results: asyncio.Queue = asyncio.Queue()

        async def worker() -> None:
            while (job := await work.get()) is not None:
                await workflow.sleep(JOB_SLEEP)
                await results.put(job * 2)

        tasks = [asyncio.create_task(worker()) for _ in range(workers)]
        for job in range(1, n + 1):
            await work.put(job)
        for _ in tasks:
            await work.put(None)  # no more jobs

        total = 0
        for _ in range(n):
            total += await results.get()
        return total
