"""authenticatorSelection 0x0B (fido-clients.md §7.6) under each user-presence policy."""

import time

import pytest

from vaultlib import ERR, expect_ctap_error


def test_selection_approved(ctap2):
    ctap2.selection()


def test_selection_with_delayed_touch(ctap2, user_presence):
    user_presence("delay=300")
    start = time.monotonic()
    ctap2.selection()
    assert time.monotonic() - start >= 0.25


def test_selection_denied(ctap2, user_presence):
    user_presence("deny")
    expect_ctap_error(ERR.OPERATION_DENIED, ctap2.selection)


@pytest.mark.slow
@pytest.mark.timeout(60)
def test_selection_times_out(ctap2, user_presence):
    user_presence("timeout")
    start = time.monotonic()
    expect_ctap_error(ERR.USER_ACTION_TIMEOUT, ctap2.selection)
    assert 25 < time.monotonic() - start < 40


def test_selection_with_parameters_is_rejected_or_ignored(ctap2):
    try:
        ctap2.send_cbor(0x0B, {1: 1})
    except Exception as e:  # noqa: B902 - either outcome is legal; a crash or hang is not
        from fido2.ctap import CtapError
        assert isinstance(e, CtapError)
    ctap2.selection()
