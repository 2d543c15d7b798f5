"""authenticatorConfig 0x0D (fido-clients.md §2.2 Config, §7.6) and the minPinLength extension."""

import pytest
from fido2.ctap2 import Config
from fido2.ctap2.pin import ClientPin

from vaultlib import (ERR, client_pin, credential_id_of, ctap2_for, descriptor, expect_ctap_error, fresh_with_pin,
                      key_params, make_credential, pin_auth, pin_protocol, pin_token, random_bytes, rp_entity,
                      user_entity)

PIN = "90807060"
ACFG = ClientPin.PERMISSION.AUTHENTICATOR_CFG


@pytest.fixture(scope="module")
def device(authenticators):
    return fresh_with_pin(authenticators, "config", PIN, 2)


@pytest.fixture
def ctap2(device):
    ctap2 = ctap2_for(device)
    yield ctap2
    ctap2.device.close()


def config(ctap2, pin=PIN):
    return Config(ctap2, pin_protocol(2), pin_token(ctap2, pin, ACFG))


def test_toggle_always_uv(ctap2, rp_id):
    assert ctap2.get_info().options.get("alwaysUv", False) is False
    config(ctap2).toggle_always_uv()
    try:
        assert ctap2.get_info().options["alwaysUv"] is True
        expect_ctap_error(ERR.PIN_REQUIRED, make_credential, ctap2, rp_id)
        token = pin_token(ctap2, PIN, 0x01, rp_id)
        cdh = random_bytes()
        attestation = ctap2.make_credential(cdh, rp_entity(rp_id), user_entity(), key_params(),
                                            pin_uv_param=pin_auth(2, token, cdh), pin_uv_protocol=2)
        assert attestation.auth_data.flags & 0x04
        info = ctap2.get_info()
        assert info.options.get("makeCredUvNotRqd", False) is False
    finally:
        config(ctap2).toggle_always_uv()
    assert ctap2.get_info().options["alwaysUv"] is False
    make_credential(ctap2, rp_id)


def test_set_min_pin_length_and_rp_ids(ctap2, rp_id):
    config(ctap2).set_min_pin_length(6, rp_ids=[rp_id])
    assert ctap2.get_info().min_pin_length == 6
    token = pin_token(ctap2, PIN, 0x01, rp_id)
    cdh = random_bytes()
    attestation = ctap2.make_credential(cdh, rp_entity(rp_id), user_entity(), key_params(),
                                        extensions={"minPinLength": True}, pin_uv_param=pin_auth(2, token, cdh),
                                        pin_uv_protocol=2)
    assert attestation.auth_data.extensions["minPinLength"] == 6
    other = "other-" + rp_id
    token = pin_token(ctap2, PIN, 0x01, other)
    cdh = random_bytes()
    attestation = ctap2.make_credential(cdh, rp_entity(other), user_entity(), key_params(),
                                        extensions={"minPinLength": True}, pin_uv_param=pin_auth(2, token, cdh),
                                        pin_uv_protocol=2)
    assert "minPinLength" not in (attestation.auth_data.extensions or {})


def test_min_pin_length_cannot_decrease(ctap2):
    config(ctap2).set_min_pin_length(6)
    expect_ctap_error(ERR.PIN_POLICY_VIOLATION, config(ctap2).set_min_pin_length, 5)


def test_pin_shorter_than_minimum_is_refused(ctap2):
    config(ctap2).set_min_pin_length(6)
    expect_ctap_error(ERR.PIN_POLICY_VIOLATION, client_pin(ctap2).change_pin, PIN, "12345")


def test_force_change_pin(ctap2):
    config(ctap2).set_min_pin_length(force_change_pin=True)
    assert ctap2.get_info().force_pin_change is True
    expect_ctap_error(ERR.PIN_POLICY_VIOLATION, pin_token, ctap2, PIN, 0x01, "example.com")
    expect_ctap_error(ERR.PIN_POLICY_VIOLATION, client_pin(ctap2).change_pin, PIN, PIN)
    client_pin(ctap2).change_pin(PIN, "11335577")
    assert ctap2.get_info().force_pin_change is False
    client_pin(ctap2).change_pin("11335577", PIN)
    pin_token(ctap2, PIN, 0x01, "example.com")


def test_minimum_above_the_current_pin_forces_a_change(authenticators):
    device = fresh_with_pin(authenticators, "config-force", "1234", 2)
    ctap2 = ctap2_for(device)
    config(ctap2, "1234").set_min_pin_length(8)
    info = ctap2.get_info()
    assert info.min_pin_length == 8 and info.force_pin_change is True
    expect_ctap_error(ERR.PIN_POLICY_VIOLATION, pin_token, ctap2, "1234", 0x01, "example.com")
    client_pin(ctap2).change_pin("1234", "12345678")
    pin_token(ctap2, "12345678", 0x01, "example.com")
    ctap2.device.close()


def test_config_without_auth_when_pin_set(ctap2):
    expect_ctap_error((ERR.PIN_REQUIRED, ERR.MISSING_PARAMETER), ctap2.config, 2)


def test_config_with_wrong_auth(ctap2):
    pin_token(ctap2, PIN, ACFG)
    expect_ctap_error(ERR.PIN_AUTH_INVALID, ctap2.config, 2, None, 2, random_bytes(32))


def test_config_token_without_acfg_permission(ctap2):
    token = pin_token(ctap2, PIN, 0x01, "example.com")
    expect_ctap_error(ERR.PIN_AUTH_INVALID, Config(ctap2, pin_protocol(2), token).toggle_always_uv)


def test_enterprise_attestation_is_not_supported(ctap2):
    with pytest.raises(Exception):
        config(ctap2)._call(Config.CMD.ENABLE_ENTERPRISE_ATT)
    assert "ep" not in ctap2.get_info().options


def test_unknown_config_sub_command(ctap2):
    expect_ctap_error((ERR.INVALID_SUBCOMMAND, ERR.UNSUPPORTED_OPTION), config(ctap2)._call, 0x30)


def test_too_many_min_pin_length_rp_ids(ctap2):
    ids = ["rp%d.example.com" % i for i in range(ctap2.info.max_rpids_for_min_pin + 1)]
    expect_ctap_error((ERR.PIN_POLICY_VIOLATION, ERR.INVALID_PARAMETER, ERR.KEY_STORE_FULL),
                      config(ctap2).set_min_pin_length, None, ids)


def test_config_without_pin_needs_no_auth(authenticators):
    device = authenticators.fresh("config-nopin")
    ctap2 = ctap2_for(device)
    Config(ctap2).set_min_pin_length(5)
    assert ctap2.get_info().min_pin_length == 5
    expect_ctap_error(ERR.PIN_POLICY_VIOLATION, client_pin(ctap2).set_pin, "1234")
    client_pin(ctap2).set_pin("12345")
    ctap2.device.close()
