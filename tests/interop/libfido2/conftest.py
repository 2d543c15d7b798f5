"""libfido2 CLI fixtures: the LD_PRELOAD shim (built here with gcc when run.sh did not build it) and a runner for the
unmodified fido2-token / fido2-cred / fido2-assert with PINs on stdin (`setsid -w`: no controlling tty)."""

import os
import shutil
import subprocess
import tempfile

import pytest

from fido2cli import Cli

HERE = os.path.dirname(os.path.abspath(__file__))


@pytest.fixture(scope="session")
def preload_library():
    path = os.environ.get("XOUS_FIDO2_PRELOAD")
    if path:
        assert os.path.isfile(path), "XOUS_FIDO2_PRELOAD=%s does not exist" % path
        return path
    for tool in ("gcc", "fido2-token", "fido2-cred", "fido2-assert", "setsid"):
        if shutil.which(tool) is None:
            pytest.fail("%s not found (Debian packages gcc, fido2-tools, libfido2-dev, util-linux)" % tool,
                        pytrace=False)
    out_dir = tempfile.mkdtemp(prefix="xous-fido2-preload-")
    path = os.path.join(out_dir, "libfido2-udp-preload.so")
    subprocess.run(["gcc", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC", "-o", path,
                    os.path.join(HERE, "udp_preload.c"), os.path.join(HERE, "udp_io.c"), "-ldl", "-lfido2"],
                   check=True)
    return path


@pytest.fixture
def cli(preload_library, tmp_path):
    return Cli(preload_library, str(tmp_path))
