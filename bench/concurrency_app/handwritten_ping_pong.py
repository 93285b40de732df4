"""ping_pong.lua written by hand with asyncio: the baseline of the ping-pong
figure of bench/concurrency.py. Two tasks and two one-slot queues: the caller
puts i on ``ping`` and waits for the echo task's i * 2 on ``pong``, n times,
so every message is a hand-over from one task to the other, as each send on
ping_pong.lua's unbuffered channels is. Returns the sum of the pongs."""

import asyncio


async def ping_pong(n: int) -> int:
    ping: asyncio.Queue = asyncio.Queue(maxsize=1)
    pong: asyncio.Queue = asyncio.Queue(maxsize=1)

    async def echo() -> None:
        while (v := await ping.get()) is not None:
            await pong.put(v * 2)

    task = asyncio.create_task(echo())
    total = 0
    for i in range(1, n + 1):
        await ping.put(i)
        total += await pong.get()
    await ping.put(None)  # done: ping_pong.lua closes its channel
    await task
    return total
