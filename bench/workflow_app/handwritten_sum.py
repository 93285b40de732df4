"""sum_workflow.lua written by hand for temporalio: the baseline of
bench/workflow.py. The same loop, calling the same activity with the options
the generated code passes for a plain ``funcs.call`` (the bench checks them
against the runtime's defaults).

A module of its own, as workflows usually are: the workflow sandbox
re-imports a workflow's module for every run, and a workflow defined in the
bench script would make it compile the whole script each time."""

from datetime import timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy

ACTIVITY = "bench:double"
START_TO_CLOSE = timedelta(minutes=10)
RETRY = RetryPolicy(non_retryable_error_types=["NotFoundError"])


@workflow.defn(name="bench:handwritten_sum")
class HandSumWorkflow:
    @workflow.run
    async def run(self, n: int) -> int:
        total = 0
        for i in range(1, n + 1):
            total += await workflow.execute_activity(
                ACTIVITY, i, start_to_close_timeout=START_TO_CLOSE, retry_policy=RETRY
            )
        return total
