"""Telling a live lock holder from a dead one (desktop/processes.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from desktop.processes import own_start_time, process_alive, process_start_time


def test_this_process_is_alive_at_its_start_time() -> None:
    started = own_start_time()
    assert abs(started - time.time()) < 24 * 3600 * 365
    assert process_alive(os.getpid(), started)


def test_a_reused_process_id_is_not_the_old_process() -> None:
    assert not process_alive(os.getpid(), own_start_time() - 3600)


def test_an_exited_process_is_dead() -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert process_start_time(child.pid) is None
    assert not process_alive(child.pid, time.time())
