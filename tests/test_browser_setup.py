"""tools/ensure-browser, the step of `make test` that provides Chromium for the browser tests: found, installed
with apt-get when it can be (root, or sudo without a password), else a message that says what to run. Each case
runs the real script against stand-ins for id, sudo and apt-get that record what they were asked to do."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT

SCRIPT = ROOT / "tools" / "ensure-browser"
RECORDER = """#!/bin/bash
echo "{name} $*" >> "$CALLS"
{body}
"""


def stand_ins(tmp_path: Path, *, uid: int, sudo: str | None, apt: str | None) -> Path:
    """A bin directory with `env`, an `id` that reports `uid`, and the given sudo and apt-get behaviours."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "env").symlink_to(shutil.which("env"))
    scripts = {"id": f'echo {uid}'}
    if sudo == "passwordless":
        scripts["sudo"] = '[ "$1" = "-n" ] && [ "$2" = "true" ] && exit 0; exec "$@"'
    elif sudo == "asks":
        scripts["sudo"] = "exit 1"
    if apt == "installs":
        scripts["apt-get"] = ('[ "$1" = "install" ] && printf "#!/bin/bash\\n" > "$STANDIN_DIR/chromium" '
                              '&& chmod +x "$STANDIN_DIR/chromium"; exit 0')
    elif apt == "fails":
        scripts["apt-get"] = ('[ "$1" = "install" ] && echo "E: Unable to locate package chromium" >&2 '
                              '&& exit 100; exit 0')
    for name, body in scripts.items():
        path = bin_dir / name
        path.write_text(RECORDER.format(name=name, body=body))
        path.chmod(0o755)
    return bin_dir


def run(tmp_path: Path, bin_dir: Path, **env) -> tuple[subprocess.CompletedProcess, list[str]]:
    calls = tmp_path / "calls"
    calls.touch()
    environment = {"PATH": str(bin_dir), "CALLS": str(calls), "STANDIN_DIR": str(bin_dir), **env}
    result = subprocess.run(["/bin/bash", str(SCRIPT)], env=environment, capture_output=True, text=True, timeout=30)
    return result, [line for line in calls.read_text().splitlines() if not line.startswith("id ")]


def test_a_chromium_that_is_there_is_used(tmp_path):
    browser = tmp_path / "my-chromium"
    browser.write_text("#!/bin/bash\n")
    browser.chmod(0o755)
    result, calls = run(tmp_path, stand_ins(tmp_path, uid=1000, sudo=None, apt="installs"),
                        CHROMIUM_PATH=str(browser))
    assert result.returncode == 0 and calls == [] and result.stderr == ""


@pytest.mark.parametrize("uid, sudo, prefix", [(0, None, ""), (1000, "passwordless", "sudo ")])
def test_a_missing_chromium_is_installed_with_apt_get(tmp_path, uid, sudo, prefix):
    result, calls = run(tmp_path, stand_ins(tmp_path, uid=uid, sudo=sudo, apt="installs"))
    assert result.returncode == 0, result.stderr
    apt = [call for call in calls if call.startswith("apt-get")]
    assert apt == ["apt-get update -qq", "apt-get install -y -qq chromium fonts-noto-cjk"]
    assert ("sudo -n true" in calls) == bool(sudo)
    assert (f"installing Chromium for the browser tests: {prefix}apt-get install chromium fonts-noto-cjk"
            in result.stderr)
    assert f"Chromium at {tmp_path / 'bin' / 'chromium'}" in result.stderr


@pytest.mark.parametrize("uid, sudo, apt, reason", [
    (1000, "asks", "installs", "installing it takes root (sudo asks for a password here)"),
    (1000, None, "installs", "installing it takes root"),
    (0, None, None, "there is none on PATH and no apt-get to install it with"),
    (0, None, "fails", "apt-get could not install it"),
])
def test_when_it_cannot_install_it_says_what_to_run_and_fails(tmp_path, uid, sudo, apt, reason):
    result, calls = run(tmp_path, stand_ins(tmp_path, uid=uid, sudo=sudo, apt=apt))
    assert result.returncode == 1
    assert f"need Chromium, and {reason}" in result.stderr
    assert "sudo apt-get install -y chromium fonts-noto-cjk" in result.stderr and "CHROMIUM_PATH=" in result.stderr
    assert not [call for call in calls if call.startswith("apt-get install")] or apt == "fails"


def test_a_wrong_chromium_path_is_named(tmp_path):
    result, calls = run(tmp_path, stand_ins(tmp_path, uid=0, sudo=None, apt="installs"),
                        CHROMIUM_PATH=str(tmp_path / "nowhere"))
    assert result.returncode == 1 and f"CHROMIUM_PATH={tmp_path / 'nowhere'} is not an executable file" in \
        result.stderr
    assert calls == []


def test_make_test_runs_it_before_the_suite():
    recipe = (ROOT / "Makefile").read_text().split("\ntest:", 1)[1].split("\n\n", 1)[0]
    steps = [line.strip() for line in recipe.splitlines()[1:]]
    assert steps == ["bash tools/ensure-browser", "$(BIN)/python -m pytest"]
    assert os.access(SCRIPT, os.X_OK)
