"""Uploads that must not hold the service (issue 11): how long a compression bomb takes to be refused,
and what a bare page takes meanwhile, against the bare page alone, measured in the same run; and the
ZIP checks' own cost on a 10 MB workbook. Prints a table; run with `python bench/uploads.py`."""

import io
import logging
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.environment import prepare as prepare_bench

WORK = prepare_bench("uploads")

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.test.utils import setup_test_environment

from styrkort.exchange.engine import zip_problem
from tests.exchange.test_upload_limits import bomb

RUNS = 15


def timed(call) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def median_ms(call, runs: int = RUNS) -> float:
    return statistics.median(timed(call) for _ in range(runs))


def logged_in() -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username="bench-admin"))
    return client


def ten_mb_workbook() -> bytes:
    """A real workbook of about 10 MB: many rows of text that compresses as little as real text does."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in range(100_000):
        sheet.append([f"RUF-{row}", os.urandom(24).hex(), os.urandom(24).hex(), row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def main() -> None:
    logging.disable(logging.WARNING)  # the refusals' 422s, logged by Django, are the point here
    setup_test_environment()
    call_command("migrate", verbosity=0)
    get_user_model().objects.create_superuser("bench-admin", password="bench-only-password")
    client = logged_in()
    the_bomb = bomb()

    def bare():
        assert client.get("/bench/bare/").status_code == 200

    def refuse_bomb(by: Client):
        upload = SimpleUploadedFile("plan.xlsx", the_bomb)
        assert by.post("/planarbetsbok/importera/", {"workbook": upload}).status_code == 422

    bare_alone = median_ms(bare)
    bomb_ms = median_ms(lambda: refuse_bomb(client))
    # Three bombs at once, as in the attack, while one person asks for pages.
    stop = threading.Event()

    def attacker():
        attacker_client = logged_in()
        while not stop.is_set():
            refuse_bomb(attacker_client)

    attackers = [threading.Thread(target=attacker) for _ in range(3)]
    for thread in attackers:
        thread.start()
    bare_meanwhile = median_ms(bare)
    stop.set()
    for thread in attackers:
        thread.join()
    workbook = ten_mb_workbook()
    zip_check_ms = median_ms(lambda: zip_problem(workbook))

    print(f"{'measure':<44}{'ms':>10}{'× bare page':>14}")
    print(f"{'bare page, alone (baseline)':<44}{bare_alone:>10.1f}{1:>14.1f}")
    print(
        f"{'bomb refused (' + str(len(the_bomb) // 1024) + ' KB, 100 MB unpacked)':<44}{bomb_ms:>10.1f}{bomb_ms / bare_alone:>14.1f}"
    )
    print(
        f"{'bare page while 3 bombs are refused':<44}{bare_meanwhile:>10.1f}{bare_meanwhile / bare_alone:>14.1f}"
    )
    print(
        f"{'ZIP checks of a ' + str(round(len(workbook) / 1024 / 1024, 1)) + ' MB workbook':<44}{zip_check_ms:>10.1f}{zip_check_ms / bare_alone:>14.1f}"
    )


if __name__ == "__main__":
    main()
