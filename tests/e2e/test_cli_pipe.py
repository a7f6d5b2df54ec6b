"""`sochibo members list | head` is ordinary shell use: a closed pipe is not an error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.cli import main


def test_listing_into_a_reader_that_stops_early_exits_quietly(data_dir: Path) -> None:
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), "members", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,
    )
    assert proc.stdout is not None
    # The reader hangs up before the program has written anything (as `head` does once it has
    # its lines), so the first write meets a closed pipe whatever the output's size.
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0
    assert b"BrokenPipeError" not in err
    assert (
        not (data_dir / "sochibo.log").exists()
        or b"BrokenPipe" not in (data_dir / "sochibo.log").read_bytes()
    )
