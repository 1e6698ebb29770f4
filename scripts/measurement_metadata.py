"""What every callgrind measurement script records about the machine and the build."""
import os
import platform
import re
import subprocess
import time


def sh(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()


def head_commit():
    """HEAD, marked "(dirty)" when tracked files have uncommitted changes."""
    dirty = sh(["git", "status", "--porcelain", "--untracked-files=no"]) != ""
    return sh(["git", "rev-parse", "HEAD"]) + (" (dirty)" if dirty else "")


def machine_and_build():
    """Date, machine, rustc, valgrind, release profile and features of a measurement."""
    cpu = ""
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    cargo_toml = open("Cargo.toml").read()
    release = re.search(r"\[profile\.release\]\n((?:[^\[\n].*\n)*)", cargo_toml)
    return {
        "date": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
        "machine": f"{cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}",
        "rustc": sh(["rustc", "-V"]),
        "valgrind": sh(["valgrind", "--version"]),
        "profile": "release: " + " ".join(release.group(1).split()) if release else "release",
        "features": "default",
    }
