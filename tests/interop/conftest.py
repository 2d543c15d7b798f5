"""Run-wide fixtures of the interop suites: the `xous-vault serve` processes (authenticators) they talk to.

An authenticator is a child process `dotnet $XOUS_VAULT_DLL serve --listen 127.0.0.1:0 ...` on its own state
directory. `restart()` is a power cycle (terminate, start again on the same state directory): volatile state (PIN
tokens, key agreement, the 3-strike counter, the reset window, channels) is lost, persistent state (credentials, PIN,
retries, counters) stays. User presence is controlled through a policy file (auto|deny|timeout|delay=MS) that the
authenticator reads at each prompt.
"""

import os
import re
import shutil
import subprocess
import tempfile
import time

import pytest

STARTUP_TIMEOUT_SECONDS = 30


def vault_dll():
    path = os.environ.get("XOUS_VAULT_DLL")
    if not path:
        pytest.fail("XOUS_VAULT_DLL is not set (path to xous-vault.dll); run tests/interop/run.sh", pytrace=False)
    if not os.path.isfile(path):
        pytest.fail("XOUS_VAULT_DLL=%s does not exist; build apps/vault/Xous.Vault.Host first" % path, pytrace=False)
    return path


class Authenticator:
    """One `xous-vault serve` child process and its state directory."""

    def __init__(self, root, attestation_dir, name, boot_clock_offset_ms=None):
        self.state_dir = os.path.join(root, name)
        os.makedirs(self.state_dir, exist_ok=True)
        self.up_file = os.path.join(root, name + ".up")
        self.log_path = os.path.join(root, name + ".log")
        self.attestation_dir = attestation_dir
        self.boot_clock_offset_ms = boot_clock_offset_ms
        self.process = None
        self.port = None
        self.starts = 0
        self.set_user_presence("auto")

    def set_user_presence(self, policy):
        """auto | deny | timeout | delay=MS; read by the authenticator at each user-presence prompt."""
        with open(self.up_file, "w") as f:
            f.write(policy + "\n")

    def start(self, boot_clock_offset_ms=None):
        offset = self.boot_clock_offset_ms if boot_clock_offset_ms is None else boot_clock_offset_ms
        command = [
            "dotnet", vault_dll(), "serve",
            "--listen", "127.0.0.1:0",
            "--state-dir", self.state_dir,
            "--user-presence", "file:" + self.up_file,
            "--pddb-pin", "1234",
            "--attestation", self.attestation_dir,
        ]
        if offset:
            command += ["--boot-clock-offset-ms", str(offset)]
        log = open(self.log_path, "a")
        log.write("\n=== start %d: %s\n" % (self.starts, " ".join(command)))
        log.flush()
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, stdin=subprocess.DEVNULL, text=True)
        log.close()
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        port = None
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            match = re.match(r"^PORT=(\d+)\s*$", line)
            if match:
                port = int(match.group(1))
                break
        if port is None:
            self.stop()
            with open(self.log_path) as f:
                tail = f.read()[-3000:]
            raise RuntimeError("xous-vault serve did not print PORT=<n>; its stderr:\n" + tail)
        self.port = port
        self.starts += 1
        self.started_at = time.monotonic()
        return self

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout:
            self.process.stdout.close()
        self.process = None

    def restart(self, boot_clock_offset_ms=None):
        """Power cycle: terminate, then start again on the same state directory."""
        self.stop()
        return self.start(boot_clock_offset_ms)

    @property
    def path(self):
        return "udp:127.0.0.1:%d" % self.port

    def alive(self):
        return self.process is not None and self.process.poll() is None


class AuthenticatorFactory:
    def __init__(self, root, attestation_dir):
        self.root = root
        self.attestation_dir = attestation_dir
        self.created = []

    def fresh(self, name, boot_clock_offset_ms=None):
        """A new authenticator on a new, empty state directory (a factory-fresh device)."""
        name = "%s-%d" % (re.sub(r"[^A-Za-z0-9_.-]", "_", name), len(self.created))
        authenticator = Authenticator(self.root, self.attestation_dir, name, boot_clock_offset_ms)
        self.created.append(authenticator)
        return authenticator.start()

    def stop_all(self):
        for authenticator in self.created:
            authenticator.stop()


@pytest.fixture(scope="session")
def work_dir():
    root = os.environ.get("XOUS_INTEROP_WORK")
    if root:
        os.makedirs(root, exist_ok=True)
        path = tempfile.mkdtemp(prefix="run-", dir=root)
    else:
        path = tempfile.mkdtemp(prefix="xous-interop-")
    yield path
    if not os.environ.get("XOUS_INTEROP_KEEP"):
        shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def attestation_dir(work_dir):
    """The attestation CA and batch certificate, generated once with `xous-vault attestation --out DIR`."""
    out = os.path.join(work_dir, "attestation")
    result = subprocess.run(["dotnet", vault_dll(), "attestation", "--out", out],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120)
    if result.returncode != 0:
        pytest.fail("xous-vault attestation failed (%d):\n%s" % (result.returncode, result.stdout), pytrace=False)
    for name in ("batch-cert.der", "batch-key.pem", "ca-cert.pem", "aaguid.txt"):
        assert os.path.isfile(os.path.join(out, name)), name + " missing from the attestation directory"
    return out


@pytest.fixture(scope="session")
def authenticators(work_dir, attestation_dir):
    factory = AuthenticatorFactory(os.path.join(work_dir, "devices"), attestation_dir)
    os.makedirs(factory.root, exist_ok=True)
    yield factory
    factory.stop_all()


@pytest.fixture(scope="session")
def shared_device(authenticators):
    """The authenticator most tests share. No PIN is ever set on it and it is never reset; tests use their own RP IDs."""
    return authenticators.fresh("shared")


@pytest.fixture
def user_presence(shared_device):
    """Sets the shared authenticator's user-presence policy for one test, back to auto afterwards."""
    yield shared_device.set_user_presence
    shared_device.set_user_presence("auto")


@pytest.fixture(scope="session")
def aaguid(attestation_dir):
    with open(os.path.join(attestation_dir, "aaguid.txt")) as f:
        text = f.read().strip()
    return bytes.fromhex(text.replace("-", ""))
