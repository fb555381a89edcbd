#!/usr/bin/env python3
"""Many concurrent connections against `parallax serve`, and what the server holds meanwhile.

usage: many_connections.py PORT PID IDS_FILE [CONNECTIONS] [SECONDS]

Opens CONNECTIONS (default 1000) connections at once; each asks for story pages (ids drawn at
random from IDS_FILE) one after another over keep-alive, reconnecting whenever the server closes
it. Every 0.5 s a fresh connection asks for `/` (the probe: does the server still answer a
newcomer?). Every 0.1 s it samples the server process PID: resident memory (VmRSS, and the peak
VmHWM) and open file descriptors. Prints one JSON object with the figures.
"""
import asyncio
import json
import os
import random
import socket
import sys
import threading
import time


def sample(pid):
    status = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            status[key] = value.strip()
    kb = lambda key: int(status.get(key, "0 kB").split()[0])
    return kb("VmRSS"), kb("VmHWM"), len(os.listdir(f"/proc/{pid}/fd")), int(status.get("Threads", "0"))


async def read_response(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    length = int(headers.get("content-length", "0"))
    if length:
        await reader.readexactly(length)
    return status, headers.get("connection", "").lower() == "close"


async def client(port, ids, deadline, stats):
    rng = random.Random()
    while time.monotonic() < deadline:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError as e:
            stats["connect_errors"] += 1
            await asyncio.sleep(0.05)
            continue
        stats["connections"] += 1
        try:
            while time.monotonic() < deadline:
                path = f"/story/{rng.choice(ids)}"
                writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
                await writer.drain()
                status, close = await read_response(reader)
                stats["status"][status] = stats["status"].get(status, 0) + 1
                if close:
                    break
        except (asyncio.IncompleteReadError, ConnectionError, OSError):
            # Closed by the server while idle (the connection cap sheds idle connections).
            stats["closed_by_server"] += 1
        finally:
            writer.close()


def probe(port, deadline, probes):
    """A fresh connection every 0.5 s asking for `/`, on its own thread with blocking sockets, so
    that the busy event loop of the other connections does not delay it."""
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
                s.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
                data = b""
                while chunk := s.recv(65536):
                    data += chunk
            status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/1.1 ") else f"no response ({len(data)} bytes)"
        except Exception as e:  # noqa: BLE001 - any failure is a failed probe
            status = repr(e)
        probes.append((status, time.monotonic() - started))
        time.sleep(0.5)


async def sampler(pid, deadline, samples):
    while time.monotonic() < deadline + 1:
        try:
            samples.append(sample(pid))
        except (FileNotFoundError, ProcessLookupError):
            samples.append(None)
            return
        await asyncio.sleep(0.1)


async def main():
    port, pid, ids_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    connections = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
    seconds = float(sys.argv[5]) if len(sys.argv) > 5 else 15
    with open(ids_file) as f:
        ids = [line.strip() for line in f if line.strip()]
    stats = {"connections": 0, "connect_errors": 0, "closed_by_server": 0, "status": {}}
    probes, samples = [], []
    deadline = time.monotonic() + seconds
    before = sample(pid)
    prober = threading.Thread(target=probe, args=(port, deadline, probes))
    prober.start()
    await asyncio.gather(
        sampler(pid, deadline, samples),
        *(client(port, ids, deadline, stats) for _ in range(connections)),
    )
    await asyncio.to_thread(prober.join)
    alive = [s for s in samples if s]
    answered = [t for s, t in probes if s == 200]
    print(json.dumps({
        "connections_at_once": connections,
        "seconds": seconds,
        "server_alive_at_end": samples[-1] is not None if samples else False,
        "rss_before_mb": round(before[0] / 1024, 1),
        "peak_rss_mb": round(max(s[1] for s in alive) / 1024, 1),
        "peak_fds": max(s[2] for s in alive),
        "fds_before": before[2],
        "peak_threads": max(s[3] for s in alive),
        "responses": stats["status"],
        "connections_opened": stats["connections"],
        "connect_errors": stats["connect_errors"],
        "closed_by_server_mid_keepalive": stats["closed_by_server"],
        "probes": len(probes),
        "probes_answered": len(answered),
        "probe_latency_max_s": round(max(answered), 3) if answered else None,
        "probe_failures": [(s, round(t, 3)) for s, t in probes if s != 200][:5],
    }))


if __name__ == "__main__":
    asyncio.run(main())
