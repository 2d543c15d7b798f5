"""PIN retry accounting across power cycles (fido-clients.md §7.5, §8; xous-core #177)."""

import pytest
from fido2.ctap2.pin import ClientPin

from vaultlib import ERR, client_pin, ctap2_for, expect_ctap_error, fresh_with_pin

PIN = "13572468"
WRONG = "00000000"


@pytest.mark.slow
@pytest.mark.parametrize("version", [1, 2])
def test_fido2_tests_lockout_sequence_then_reset(authenticators, version):
    device = fresh_with_pin(authenticators, "lockout-v%d" % version, PIN, version)
    ctap2 = ctap2_for(device)
    for attempt in range(1, 10):
        pin = client_pin(ctap2, version)
        code = expect_ctap_error((ERR.PIN_INVALID, ERR.PIN_AUTH_BLOCKED, ERR.PIN_BLOCKED), pin.get_pin_token, WRONG,
                                 0x01, "example.com")
        if attempt in (3, 6):
            assert code == ERR.PIN_AUTH_BLOCKED, "attempt %d gave 0x%02x" % (attempt, code)
        elif attempt >= 8:
            assert code in (ERR.PIN_BLOCKED, ERR.PIN_INVALID), "attempt %d gave 0x%02x" % (attempt, code)
        else:
            assert code == ERR.PIN_INVALID, "attempt %d gave 0x%02x" % (attempt, code)
        retries, _ = pin.get_pin_retries()
        assert retries == max(0, 8 - attempt), "after attempt %d: %d retries" % (attempt, retries)
        if attempt in (3, 6):
            ctap2.device.close()
            device.restart()
            ctap2 = ctap2_for(device)
    expect_ctap_error(ERR.PIN_BLOCKED, client_pin(ctap2, version).get_pin_token, PIN, 0x01, "example.com")
    # blocked until reset; a reset (within the window after a power cycle) clears it
    ctap2.device.close()
    device.restart()
    ctap2 = ctap2_for(device)
    ctap2.reset()
    ctap2 = ctap2_for(device)
    assert ctap2.info.options["clientPin"] is False
    pin = client_pin(ctap2, version)
    assert pin.get_pin_retries()[0] == 8
    pin.set_pin(PIN)
    pin.get_pin_token(PIN, 0x01, "example.com")
    ctap2.device.close()


@pytest.mark.slow
def test_auth_blocked_does_not_consume_retries_and_power_cycle_clears_it(authenticators):
    device = fresh_with_pin(authenticators, "authblock", PIN, 2)
    ctap2 = ctap2_for(device)
    pin = client_pin(ctap2)
    for _ in range(2):
        expect_ctap_error(ERR.PIN_INVALID, pin.get_pin_token, WRONG, 0x01, "example.com")
    expect_ctap_error(ERR.PIN_AUTH_BLOCKED, pin.get_pin_token, WRONG, 0x01, "example.com")
    retries, power_cycle_state = pin.get_pin_retries()
    assert retries == 5
    for candidate in (WRONG, PIN):
        expect_ctap_error(ERR.PIN_AUTH_BLOCKED, pin.get_pin_token, candidate, 0x01, "example.com")
    assert pin.get_pin_retries()[0] == 5, "PIN_AUTH_BLOCKED must not consume retries"
    assert power_cycle_state is True, "powerCycleState must say a power cycle is needed"
    ctap2.device.close()
    device.restart()
    ctap2 = ctap2_for(device)
    pin = client_pin(ctap2)
    retries, power_cycle_state = pin.get_pin_retries()
    assert retries == 5, "a power cycle must not restore retries"
    assert power_cycle_state is False
    pin.get_pin_token(PIN, 0x01, "example.com")
    assert pin.get_pin_retries()[0] == 8
    ctap2.device.close()


def test_wrong_pin_regenerates_key_agreement(authenticators):
    device = fresh_with_pin(authenticators, "keyagreement", PIN, 2)
    ctap2 = ctap2_for(device)
    first = ctap2.client_pin(2, ClientPin.CMD.GET_KEY_AGREEMENT)[1]
    assert ctap2.client_pin(2, ClientPin.CMD.GET_KEY_AGREEMENT)[1] == first, "stable until a wrong PIN"
    expect_ctap_error(ERR.PIN_INVALID, client_pin(ctap2).get_pin_token, WRONG, 0x01, "example.com")
    assert ctap2.client_pin(2, ClientPin.CMD.GET_KEY_AGREEMENT)[1] != first
    ctap2.device.close()
