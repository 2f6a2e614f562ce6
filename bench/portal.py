"""The open web under load: gunicorn (2 workers) on loopback, wrk as the visitors.

    python bench/portal.py [--seconds 5] [--connections 16]

Loads the demo into a temporary installation, then measures, for a static file, a bare public page
(the public base template, no data), the RUS's goal-area page and an indicator page: requests per
second and the 99th-percentile latency, first with the shared page cache (the default file cache),
then with no cache at all. Ratios are to the static file (cached pages) and to the bare public page
(uncached pages), measured in the same run, because the machine is shared and noisy.
Goals (issue 15): cached ≥ 1,000 req/s and p99 ≤ 50 ms; uncached ≤ 5× the bare page.
"""

# ruff: noqa: S603, S607 - our own commands (python, gunicorn, wrk) with our own arguments
import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    ("static file", "/static/styrkort/styrkort.css"),
    ("bare public page", "/bench/bare-public/"),
    ("goal area (RUS-MO1)", "/oppet/PRG-RUS/malomraden/RUS-MO1/"),
    ("indicator (RUF-I1.4)", "/oppet/RUF-2023/indikatorer/RUF-I1.4/"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(var_dir: Path, cache_backend: str | None) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": f"{ROOT}:{ROOT / 'src'}",
        "STYRKORT_DEBUG": "false",
        "STYRKORT_SECRET_KEY": "bench-only-" + "x" * 60,
        "STYRKORT_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STYRKORT_VAR_DIR": str(var_dir),
        "DATABASE_URL": f"sqlite:///{var_dir / 'styrkort.sqlite3'}",
        "STYRKORT_SECURE_COOKIES": "false",
    }
    if cache_backend:
        env["STYRKORT_CACHE_BACKEND"] = cache_backend
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "django", *args], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL
    )


def serve(env: dict, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "styrkort.wsgi:application",
        ],
        env=env,
        cwd=ROOT,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/static/styrkort/styrkort.css", timeout=1)
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("gunicorn did not start")


def wrk(url: str, seconds: int, connections: int) -> tuple[float, float]:
    """Requests per second and the 99th percentile in ms."""
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()
    p99 = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    if "Non-2xx" in out:
        raise SystemExit(f"{url} answered with errors:\n{out}")
    return rps, p99


def measure(env: dict, seconds: int, connections: int) -> dict[str, tuple[float, float]]:
    port = free_port()
    server = serve(env, port)
    try:
        results = {}
        for name, path in PAGES:
            url = f"http://127.0.0.1:{port}{path}"
            urllib.request.urlopen(url, timeout=30).read()
            results[name] = wrk(url, seconds, connections)
        return results
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    var_dir = Path(tempfile.mkdtemp(prefix="styrkort-bench-portal-"))
    try:
        env = environment(var_dir, None)
        manage(env, "migrate", "-v0")
        manage(env, "demo")
        cached = measure(env, options.seconds, options.connections)
        uncached = measure(
            environment(var_dir, "django.core.cache.backends.dummy.DummyCache"),
            options.seconds,
            options.connections,
        )
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)

    static_rps = cached["static file"][0]
    bare_rps = uncached["bare public page"][0]
    print(
        f"wrk: 2 threads, {options.connections} connections, {options.seconds} s per page; gunicorn 2 workers"
    )
    print(
        f"{'page':24} {'cached req/s':>12} {'p99':>8} {'÷ static':>9}   {'uncached req/s':>14} {'p99':>8} {'× bare':>7}"
    )
    for name, _path in PAGES:
        c_rps, c_p99 = cached[name]
        u_rps, u_p99 = uncached[name]
        print(
            f"{name:24} {c_rps:12.0f} {c_p99:7.1f}ms {static_rps / c_rps:8.2f}×   {u_rps:14.0f} {u_p99:7.1f}ms"
            f" {bare_rps / u_rps:6.2f}×"
        )


if __name__ == "__main__":
    main()
