"""Runs the unmodified libfido2 CLIs with the UDP shim preloaded and PINs on stdin (`setsid -w`: no controlling tty,
so the CLIs read the PIN from stdin)."""

import os
import subprocess


class Cli:
    def __init__(self, preload, work):
        self.preload = preload
        self.work = work
        self.files = 0

    def run(self, *arguments, stdin="", env=None, timeout=45):
        environment = dict(os.environ)
        environment["LD_PRELOAD"] = self.preload
        environment.update(env or {})
        result = subprocess.run(["setsid", "-w"] + [str(a) for a in arguments], input=stdin, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment, timeout=timeout)
        return result

    def ok(self, *arguments, **kwargs):
        result = self.run(*arguments, **kwargs)
        assert result.returncode == 0, "%s exited %d\nstdout:\n%s\nstderr:\n%s" % (
            " ".join(str(a) for a in arguments), result.returncode, result.stdout, result.stderr)
        return result.stdout

    def fails(self, *arguments, **kwargs):
        result = self.run(*arguments, **kwargs)
        assert result.returncode != 0, "%s should have failed; stdout:\n%s" % (
            " ".join(str(a) for a in arguments), result.stdout)
        return result

    def file(self, text):
        self.files += 1
        path = os.path.join(self.work, "input-%d.txt" % self.files)
        with open(path, "w") as f:
            f.write(text)
        return path
