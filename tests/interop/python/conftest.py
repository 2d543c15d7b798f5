"""python-fido2 fixtures: a CtapHidDevice over UDP per test, Ctap2 (strict canonical CBOR) and Ctap1."""

import pytest
from fido2.ctap1 import Ctap1
from fido2.ctap2 import Ctap2

from vaultlib import open_device


@pytest.fixture
def dev(shared_device):
    device = open_device(shared_device)
    yield device
    device.close()


@pytest.fixture
def ctap2(dev):
    return Ctap2(dev, strict_cbor=True)


@pytest.fixture
def ctap1(dev):
    return Ctap1(dev)


@pytest.fixture
def rp_id(request):
    """An RP ID of this test's own, so resident credentials of other tests never mix in."""
    name = request.node.name.lower()
    cleaned = "".join(c if c.isalnum() else "-" for c in name).strip("-")[:40]
    return cleaned + ".example.com"
