"""clientPIN protocols 1 and 2 (fido-clients.md §2.2, §7.5): set/change PIN, tokens, permissions, policy
violations with raw requests, and the PIN rules of makeCredential/getAssertion."""

import pytest
from fido2.ctap import CtapError
from fido2.ctap2.pin import ClientPin

from vaultlib import (ERR, client_pin, credential_id_of, ctap2_for, descriptor, expect_ctap_error, fresh_with_pin,
                      key_params, make_credential, pin_auth, pin_protocol, pin_token, public_key_of, random_bytes,
                      rp_entity, user_entity)

PIN = "12345678"
PROTOCOLS = [1, 2]


@pytest.fixture(scope="module")
def unset_device(authenticators):
    return authenticators.fresh("pin-unset")


@pytest.fixture
def unset(unset_device):
    ctap2 = ctap2_for(unset_device)
    yield ctap2
    ctap2.device.close()


@pytest.fixture(scope="module", params=PROTOCOLS, ids=["v1", "v2"])
def pinned_device(authenticators, request):
    return fresh_with_pin(authenticators, "pin-set-v%d" % request.param, PIN, request.param)


@pytest.fixture
def pinned(pinned_device):
    ctap2 = ctap2_for(pinned_device)
    ctap2.version = pinned_device.protocol
    yield ctap2
    ctap2.device.close()


def raw_set_pin(ctap2, version, padded, corrupt_auth=False):
    protocol = pin_protocol(version)
    pin = ClientPin(ctap2, protocol)
    key_agreement, shared = pin._get_shared_secret()
    encrypted = protocol.encrypt(shared, padded)
    auth = protocol.authenticate(shared, encrypted)
    if corrupt_auth:
        auth = bytes([auth[0] ^ 1]) + auth[1:]
    return ctap2.client_pin(version, ClientPin.CMD.SET_PIN, key_agreement=key_agreement, new_pin_enc=encrypted,
                            pin_uv_param=auth)


# ------------------------------------------------------------------------------------------------ no PIN set

def test_fresh_device_has_eight_retries(unset):
    retries, _ = client_pin(unset).get_pin_retries()
    assert retries == 8


@pytest.mark.parametrize("version", PROTOCOLS)
def test_key_agreement_key(unset, version):
    response = unset.client_pin(version, ClientPin.CMD.GET_KEY_AGREEMENT)
    key = response[1]
    assert key[1] == 2 and key[3] == -25 and key[-1] == 1
    assert len(key[-2]) == 32 and len(key[-3]) == 32


def test_client_pin_option_false_without_pin(unset):
    assert unset.info.options["clientPin"] is False


@pytest.mark.parametrize("version", PROTOCOLS)
def test_change_pin_without_pin_is_pin_not_set(unset, version):
    expect_ctap_error(ERR.PIN_NOT_SET, client_pin(unset, version).change_pin, "1234", "5678")


@pytest.mark.parametrize("version", PROTOCOLS)
def test_token_without_pin_is_pin_not_set(unset, version):
    expect_ctap_error(ERR.PIN_NOT_SET, client_pin(unset, version).get_pin_token, "1234", 0x01, "example.com")


@pytest.mark.parametrize("version", PROTOCOLS)
def test_set_pin_too_short(unset, version):
    expect_ctap_error(ERR.PIN_POLICY_VIOLATION, raw_set_pin, unset, version, b"123".ljust(64, b"\0"))


@pytest.mark.parametrize("version", PROTOCOLS)
def test_set_pin_64_bytes_without_terminator(unset, version):
    expect_ctap_error(ERR.PIN_POLICY_VIOLATION, raw_set_pin, unset, version, b"A" * 64)


@pytest.mark.parametrize("version", PROTOCOLS)
def test_set_pin_short_padding(unset, version):
    expect_ctap_error((ERR.PIN_POLICY_VIOLATION, ERR.INVALID_PARAMETER), raw_set_pin, unset, version,
                      b"1234".ljust(32, b"\0"))


@pytest.mark.parametrize("version", PROTOCOLS)
def test_set_pin_with_bad_auth(unset, version):
    expect_ctap_error(ERR.PIN_AUTH_INVALID, raw_set_pin, unset, version, b"1234".ljust(64, b"\0"), True)


def test_set_pin_with_key_not_on_curve(unset):
    protocol = pin_protocol(2)
    bogus = {1: 2, 3: -25, -1: 1, -2: b"\x01" * 32, -3: b"\x02" * 32}
    encrypted = protocol.encrypt(b"\x00" * 64, b"1234".ljust(64, b"\0"))
    expect_ctap_error(ERR.INVALID_PARAMETER, unset.client_pin, 2, ClientPin.CMD.SET_PIN, key_agreement=bogus,
                      new_pin_enc=encrypted, pin_uv_param=random_bytes(32))


def test_set_pin_without_key_agreement(unset):
    expect_ctap_error(ERR.MISSING_PARAMETER, unset.client_pin, 2, ClientPin.CMD.SET_PIN,
                      new_pin_enc=random_bytes(80), pin_uv_param=random_bytes(32))


def test_missing_sub_command(unset):
    expect_ctap_error(ERR.MISSING_PARAMETER, unset.send_cbor, 0x06, {1: 2})


def test_unknown_sub_command(unset):
    expect_ctap_error(ERR.INVALID_SUBCOMMAND, unset.client_pin, 2, 0x10)


def test_unsupported_protocol(unset):
    expect_ctap_error(ERR.INVALID_PARAMETER, unset.client_pin, 3, ClientPin.CMD.GET_KEY_AGREEMENT)


def test_uv_token_without_builtin_uv_is_refused(unset):
    with pytest.raises(CtapError):
        client_pin(unset).get_uv_token(0x01, "example.com")


# ------------------------------------------------------------------------------------------------ PIN set

def test_client_pin_option_true(pinned):
    assert pinned.info.options["clientPin"] is True


def test_set_pin_again_is_not_allowed(pinned):
    expect_ctap_error(ERR.NOT_ALLOWED, client_pin(pinned, pinned.version).set_pin, "87654321")


def test_make_credential_with_token_sets_uv(pinned, rp_id):
    token = pin_token(pinned, PIN, ClientPin.PERMISSION.MAKE_CREDENTIAL, rp_id, pinned.version)
    cdh = random_bytes()
    attestation = pinned.make_credential(cdh, rp_entity(rp_id), user_entity(), key_params(), options={"rk": True},
                                         pin_uv_param=pin_auth(pinned.version, token, cdh),
                                         pin_uv_protocol=pinned.version)
    assert attestation.auth_data.flags & 0x05 == 0x05


def test_get_assertion_with_token_sets_uv(pinned, rp_id):
    attestation, _, _ = make_credential(pinned, rp_id)
    token = pin_token(pinned, PIN, ClientPin.PERMISSION.GET_ASSERTION, rp_id, pinned.version)
    cdh = random_bytes()
    assertion = pinned.get_assertion(rp_id, cdh, [descriptor(credential_id_of(attestation))],
                                     pin_uv_param=pin_auth(pinned.version, token, cdh),
                                     pin_uv_protocol=pinned.version)
    assert assertion.auth_data.flags & 0x05 == 0x05
    assertion.verify(cdh, public_key_of(attestation))


def test_token_without_rp_id_binds_at_first_use(pinned, rp_id):
    token = pin_token(pinned, PIN, ClientPin.PERMISSION.MAKE_CREDENTIAL, None, pinned.version)
    cdh = random_bytes()
    pinned.make_credential(cdh, rp_entity(rp_id), user_entity(), key_params(),
                           pin_uv_param=pin_auth(pinned.version, token, cdh), pin_uv_protocol=pinned.version)
    cdh = random_bytes()
    expect_ctap_error(ERR.PIN_AUTH_INVALID, pinned.make_credential, cdh, rp_entity("other-" + rp_id), user_entity(),
                      key_params(), pin_uv_param=pin_auth(pinned.version, token, cdh), pin_uv_protocol=pinned.version)


def test_non_resident_without_pin_auth_is_allowed(pinned, rp_id):
    assert pinned.info.options.get("makeCredUvNotRqd") is True
    attestation, _, _ = make_credential(pinned, rp_id)
    assert not attestation.auth_data.flags & 0x04


def test_get_assertion_without_pin_auth_has_no_uv(pinned, rp_id):
    attestation, _, _ = make_credential(pinned, rp_id)
    assertion = pinned.get_assertion(rp_id, random_bytes(), [descriptor(credential_id_of(attestation))])
    assert assertion.auth_data.flags == 0x01


def test_resident_without_pin_auth_is_pin_required(pinned, rp_id):
    expect_ctap_error(ERR.PIN_REQUIRED, make_credential, pinned, rp_id, rk=True)


def test_random_pin_auth_is_invalid(pinned, rp_id):
    length = 16 if pinned.version == 1 else 32
    expect_ctap_error(ERR.PIN_AUTH_INVALID, pinned.make_credential, random_bytes(), rp_entity(rp_id), user_entity(),
                      key_params(), pin_uv_param=random_bytes(length), pin_uv_protocol=pinned.version)


def test_pin_auth_of_wrong_length_is_invalid(pinned, rp_id):
    token = pin_token(pinned, PIN, 0x01, rp_id, pinned.version)
    cdh = random_bytes()
    auth = pin_auth(pinned.version, token, cdh)
    expect_ctap_error((ERR.PIN_AUTH_INVALID, ERR.INVALID_PARAMETER), pinned.make_credential, cdh, rp_entity(rp_id),
                      user_entity(), key_params(), pin_uv_param=auth[:8], pin_uv_protocol=pinned.version)


def test_pin_auth_with_the_other_protocol_number(pinned, rp_id):
    token = pin_token(pinned, PIN, 0x01, rp_id, pinned.version)
    cdh = random_bytes()
    other = 2 if pinned.version == 1 else 1
    expect_ctap_error(ERR.PIN_AUTH_INVALID, pinned.make_credential, cdh, rp_entity(rp_id), user_entity(),
                      key_params(), pin_uv_param=pin_auth(other, token, cdh), pin_uv_protocol=other)


def test_token_for_another_rp_is_invalid(pinned, rp_id):
    token = pin_token(pinned, PIN, 0x01, "other-" + rp_id, pinned.version)
    cdh = random_bytes()
    expect_ctap_error(ERR.PIN_AUTH_INVALID, pinned.make_credential, cdh, rp_entity(rp_id), user_entity(),
                      key_params(), pin_uv_param=pin_auth(pinned.version, token, cdh), pin_uv_protocol=pinned.version)


def test_token_without_mc_permission_is_invalid(pinned, rp_id):
    token = pin_token(pinned, PIN, ClientPin.PERMISSION.GET_ASSERTION, rp_id, pinned.version)
    cdh = random_bytes()
    expect_ctap_error(ERR.PIN_AUTH_INVALID, pinned.make_credential, cdh, rp_entity(rp_id), user_entity(),
                      key_params(), pin_uv_param=pin_auth(pinned.version, token, cdh), pin_uv_protocol=pinned.version)


def test_new_token_invalidates_the_old_one(pinned, rp_id):
    old = pin_token(pinned, PIN, 0x01, rp_id, pinned.version)
    pin_token(pinned, PIN, 0x01, rp_id, pinned.version)
    cdh = random_bytes()
    expect_ctap_error(ERR.PIN_AUTH_INVALID, pinned.make_credential, cdh, rp_entity(rp_id), user_entity(),
                      key_params(), pin_uv_param=pin_auth(pinned.version, old, cdh), pin_uv_protocol=pinned.version)


def test_zero_permissions_is_invalid_parameter(pinned):
    expect_ctap_error(ERR.INVALID_PARAMETER, pin_token, pinned, PIN, 0, None, pinned.version)


def test_bio_enrollment_permission_is_unauthorized(pinned):
    expect_ctap_error(ERR.UNAUTHORIZED_PERMISSION, pin_token, pinned, PIN, ClientPin.PERMISSION.BIO_ENROLL, None,
                      pinned.version)


def test_legacy_get_pin_token(pinned, rp_id):
    protocol = pin_protocol(pinned.version)
    pin = ClientPin(pinned, protocol)
    key_agreement, shared = pin._get_shared_secret()
    from vaultlib import sha256
    response = pinned.client_pin(pinned.version, ClientPin.CMD.GET_TOKEN_USING_PIN_LEGACY,
                                 key_agreement=key_agreement, pin_hash_enc=protocol.encrypt(shared, sha256(PIN.encode())[:16]))
    token = protocol.decrypt(shared, response[2])
    cdh = random_bytes()
    attestation = pinned.make_credential(cdh, rp_entity(rp_id), user_entity(), key_params(),
                                         pin_uv_param=protocol.authenticate(token, cdh), pin_uv_protocol=pinned.version)
    assert attestation.auth_data.flags & 0x04


def test_legacy_get_pin_token_with_permissions_is_invalid_parameter(pinned):
    protocol = pin_protocol(pinned.version)
    pin = ClientPin(pinned, protocol)
    key_agreement, shared = pin._get_shared_secret()
    from vaultlib import sha256
    expect_ctap_error(ERR.INVALID_PARAMETER, pinned.client_pin, pinned.version,
                      ClientPin.CMD.GET_TOKEN_USING_PIN_LEGACY, key_agreement=key_agreement,
                      pin_hash_enc=protocol.encrypt(shared, sha256(PIN.encode())[:16]), permissions=0x01)


def test_zero_length_pin_auth_with_pin_set(pinned, rp_id):
    expect_ctap_error((ERR.PIN_INVALID, ERR.PIN_AUTH_INVALID), pinned.make_credential, random_bytes(),
                      rp_entity(rp_id), user_entity(), key_params(), pin_uv_param=b"", pin_uv_protocol=pinned.version)


def test_wrong_pin_decrements_and_right_pin_restores(pinned):
    pin = client_pin(pinned, pinned.version)
    assert pin.get_pin_retries()[0] == 8
    expect_ctap_error(ERR.PIN_INVALID, pin.get_pin_token, "00000000", 0x01, "example.com")
    assert pin.get_pin_retries()[0] == 7
    pin.get_pin_token(PIN, 0x01, "example.com")
    assert pin.get_pin_retries()[0] == 8


def test_change_pin_with_wrong_current_pin(pinned):
    pin = client_pin(pinned, pinned.version)
    expect_ctap_error(ERR.PIN_INVALID, pin.change_pin, "99999999", "11112222")
    pin.get_pin_token(PIN, 0x01, "example.com")  # restores the retries


def raw_change_pin(ctap2, version, old_pin, padded_new):
    from vaultlib import sha256
    protocol = pin_protocol(version)
    key_agreement, shared = ClientPin(ctap2, protocol)._get_shared_secret()
    pin_hash_enc = protocol.encrypt(shared, sha256(old_pin.encode())[:16])
    new_pin_enc = protocol.encrypt(shared, padded_new)
    return ctap2.client_pin(version, ClientPin.CMD.CHANGE_PIN, key_agreement=key_agreement, pin_hash_enc=pin_hash_enc,
                            new_pin_enc=new_pin_enc, pin_uv_param=protocol.authenticate(shared, new_pin_enc + pin_hash_enc))


def test_change_pin_to_too_short(pinned):
    expect_ctap_error(ERR.PIN_POLICY_VIOLATION, raw_change_pin, pinned, pinned.version, PIN, b"12".ljust(64, b"\0"))
    client_pin(pinned, pinned.version).get_pin_token(PIN, 0x01, "example.com")


def test_change_pin_with_bad_auth(pinned):
    protocol = pin_protocol(pinned.version)
    key_agreement, shared = ClientPin(pinned, protocol)._get_shared_secret()
    from vaultlib import sha256
    pin_hash_enc = protocol.encrypt(shared, sha256(PIN.encode())[:16])
    new_pin_enc = protocol.encrypt(shared, b"87654321".ljust(64, b"\0"))
    expect_ctap_error(ERR.PIN_AUTH_INVALID, pinned.client_pin, pinned.version, ClientPin.CMD.CHANGE_PIN,
                      key_agreement=key_agreement, pin_hash_enc=pin_hash_enc, new_pin_enc=new_pin_enc,
                      pin_uv_param=protocol.authenticate(shared, new_pin_enc))
    client_pin(pinned, pinned.version).get_pin_token(PIN, 0x01, "example.com")


def test_change_pin_and_back(pinned):
    pin = client_pin(pinned, pinned.version)
    pin.change_pin(PIN, "24682468")
    expect_ctap_error(ERR.PIN_INVALID, pin.get_pin_token, PIN, 0x01, "example.com")
    pin.get_pin_token("24682468", 0x01, "example.com")
    pin.change_pin("24682468", PIN)
    pin.get_pin_token(PIN, 0x01, "example.com")
    assert pin.get_pin_retries()[0] == 8
