"""authenticatorReset (fido-clients.md §7.6): the 10 s window, user presence, and what it wipes."""

import pytest
from fido2.ctap1 import ApduError, Ctap1
from fido2.ctap2 import LargeBlobs

from vaultlib import (ERR, client_pin, credential_id_of, ctap2_for, descriptor, expect_ctap_error, make_credential,
                      open_device, random_bytes, sha256)

INITIAL_LARGE_BLOB_ARRAY = bytes.fromhex("8076be8b528d0075f7aae98d6fa57a6d3c")


def read_large_blob_array(ctap2):
    return ctap2.large_blobs(0, get=1024)[1]


@pytest.mark.slow
def test_reset_wipes_everything_and_rotates_keys(authenticators):
    device = authenticators.fresh("reset-wipe")
    ctap2 = ctap2_for(device)
    rp_id = "reset.example.com"
    resident, _, _ = make_credential(ctap2, rp_id, rk=True)
    plain, _, _ = make_credential(ctap2, rp_id)
    ctap1 = Ctap1(ctap2.device)
    app = sha256(b"https://u2f.example.com")
    registration = ctap1.register(random_bytes(), app)
    LargeBlobs(ctap2).write_blob_array([{1: b"\x01" * 32, 2: b"\x02" * 12, 3: 1}])
    assert read_large_blob_array(ctap2) != INITIAL_LARGE_BLOB_ARRAY
    client_pin(ctap2).set_pin("24681357")
    ctap2.device.close()

    device.restart()
    ctap2 = ctap2_for(device)
    ctap2.reset()

    ctap2 = ctap2_for(device)
    assert ctap2.info.options["clientPin"] is False
    assert client_pin(ctap2).get_pin_retries()[0] == 8
    expect_ctap_error(ERR.NO_CREDENTIALS, ctap2.get_assertion, rp_id, random_bytes())
    expect_ctap_error(ERR.NO_CREDENTIALS, ctap2.get_assertion, rp_id, random_bytes(),
                      [descriptor(credential_id_of(plain))])
    expect_ctap_error(ERR.NO_CREDENTIALS, ctap2.get_assertion, rp_id, random_bytes(),
                      [descriptor(credential_id_of(resident))])
    with pytest.raises(ApduError) as error:
        Ctap1(ctap2.device).authenticate(random_bytes(), app, registration.key_handle)
    assert error.value.code == 0x6A80
    assert read_large_blob_array(ctap2) == INITIAL_LARGE_BLOB_ARRAY
    ctap2.device.close()


def test_reset_right_after_power_up(authenticators):
    device = authenticators.fresh("reset-quick")
    ctap2 = ctap2_for(device)
    ctap2.reset()
    ctap2.reset()
    ctap2.device.close()


def test_reset_after_the_window_is_not_allowed(authenticators):
    device = authenticators.fresh("reset-late", boot_clock_offset_ms=11000)
    ctap2 = ctap2_for(device)
    rp_id = "late.example.com"
    attestation, _, _ = make_credential(ctap2, rp_id, rk=True)
    expect_ctap_error(ERR.NOT_ALLOWED, ctap2.reset)
    ctap2.get_assertion(rp_id, random_bytes())  # nothing was wiped
    ctap2.device.close()


def test_reset_denied_by_the_user(authenticators):
    device = authenticators.fresh("reset-deny")
    device.set_user_presence("deny")
    ctap2 = ctap2_for(device)
    rp_id = "deny.example.com"
    expect_ctap_error(ERR.OPERATION_DENIED, ctap2.reset)
    device.set_user_presence("auto")
    ctap2.device.close()


def test_reset_cancelled_by_the_host(authenticators):
    device = authenticators.fresh("reset-cancel")
    device.set_user_presence("delay=5000")
    dev = open_device(device)
    import threading
    from fido2.ctap2 import Ctap2
    ctap2 = Ctap2(dev)
    event = threading.Event()
    timer = threading.Timer(0.3, event.set)
    timer.start()
    expect_ctap_error(ERR.KEEPALIVE_CANCEL, ctap2.reset, event=event)
    timer.cancel()
    device.set_user_presence("auto")
    dev.close()
