"""Extensions (fido-clients.md §7.3 item 9, §7.4, §8): credProtect, hmac-secret (PIN protocols 1 and 2 inside the
extension), credBlob, largeBlobKey, minPinLength."""

import pytest
from fido2.ctap import CtapError
from fido2.ctap2.pin import ClientPin

from vaultlib import (ERR, client_pin, credential_id_of, ctap2_for, descriptor, expect_ctap_error, fresh_with_pin,
                      make_credential, pin_auth, pin_protocol, pin_token, public_key_of, random_bytes, user_entity)

PIN = "11223344"


def hmac_request(ctap2, version, salts, corrupt_auth=False, drop=None):
    """The hmac-secret getAssertion input, hand-rolled; returns (input map, protocol, shared secret)."""
    protocol = pin_protocol(version)
    key_agreement, shared = ClientPin(ctap2, protocol)._get_shared_secret()
    salt_enc = protocol.encrypt(shared, salts)
    salt_auth = protocol.authenticate(shared, salt_enc)
    if corrupt_auth:
        salt_auth = bytes([salt_auth[0] ^ 0x80]) + salt_auth[1:]
    request = {1: key_agreement, 2: salt_enc, 3: salt_auth, 4: version}
    if drop:
        del request[drop]
    return request, protocol, shared


def hmac_outputs(ctap2, rp_id, credential_id, salts, version=2, **kwargs):
    request, protocol, shared = hmac_request(ctap2, version, salts)
    assertion = ctap2.get_assertion(rp_id, random_bytes(), [descriptor(credential_id)] if credential_id else None,
                                    extensions={"hmac-secret": request}, **kwargs)
    encrypted = assertion.auth_data.extensions["hmac-secret"]
    return protocol.decrypt(shared, encrypted), assertion


@pytest.fixture
def hmac_credential(ctap2, rp_id):
    attestation, _, _ = make_credential(ctap2, rp_id, extensions={"hmac-secret": True})
    assert attestation.auth_data.extensions == {"hmac-secret": True}
    return credential_id_of(attestation)


# ------------------------------------------------------------------------------------------------ credProtect

@pytest.mark.parametrize("level", [1, 2, 3])
def test_cred_protect_output(ctap2, rp_id, level):
    attestation, _, _ = make_credential(ctap2, rp_id, extensions={"credProtect": level})
    assert attestation.auth_data.flags & 0x80
    assert attestation.auth_data.extensions["credProtect"] == level


def test_cred_protect_1_is_discoverable(ctap2, rp_id):
    make_credential(ctap2, rp_id, rk=True, extensions={"credProtect": 1})
    ctap2.get_assertion(rp_id, random_bytes())


def test_cred_protect_2_needs_allow_list_without_uv(ctap2, rp_id):
    attestation, _, _ = make_credential(ctap2, rp_id, rk=True, extensions={"credProtect": 2})
    expect_ctap_error(ERR.NO_CREDENTIALS, ctap2.get_assertion, rp_id, random_bytes())
    ctap2.get_assertion(rp_id, random_bytes(), [descriptor(credential_id_of(attestation))])


def test_cred_protect_3_never_without_uv(ctap2, rp_id):
    attestation, _, _ = make_credential(ctap2, rp_id, rk=True, extensions={"credProtect": 3})
    expect_ctap_error(ERR.NO_CREDENTIALS, ctap2.get_assertion, rp_id, random_bytes())
    expect_ctap_error(ERR.NO_CREDENTIALS, ctap2.get_assertion, rp_id, random_bytes(),
                      [descriptor(credential_id_of(attestation))])


def test_cred_protect_3_non_resident_needs_uv(ctap2, rp_id):
    attestation, _, _ = make_credential(ctap2, rp_id, extensions={"credProtect": 3})
    expect_ctap_error(ERR.NO_CREDENTIALS, ctap2.get_assertion, rp_id, random_bytes(),
                      [descriptor(credential_id_of(attestation))])


def test_cred_protect_3_is_not_excluded_without_uv(ctap2, rp_id):
    first, _, _ = make_credential(ctap2, rp_id, extensions={"credProtect": 3})
    second, _, _ = make_credential(ctap2, rp_id, exclude_list=[descriptor(credential_id_of(first))])
    assert second.fmt == "packed"


def test_cred_protect_mixed_discoverable_list(ctap2, rp_id):
    visible, _, _ = make_credential(ctap2, rp_id, rk=True, user=user_entity(b"\x01" * 8), extensions={"credProtect": 1})
    make_credential(ctap2, rp_id, rk=True, user=user_entity(b"\x02" * 8), extensions={"credProtect": 2})
    make_credential(ctap2, rp_id, rk=True, user=user_entity(b"\x03" * 8), extensions={"credProtect": 3})
    assertion = ctap2.get_assertion(rp_id, random_bytes())
    assert assertion.credential["id"] == credential_id_of(visible)
    assert assertion.number_of_credentials in (None, 1)


def test_cred_protect_invalid_value_is_refused_or_ignored(ctap2, rp_id):
    try:
        attestation, _, _ = make_credential(ctap2, rp_id, extensions={"credProtect": 7})
    except CtapError as e:
        assert e.code in (ERR.INVALID_PARAMETER, ERR.INVALID_OPTION, ERR.UNSUPPORTED_EXTENSION), e
        return
    assert "credProtect" not in (attestation.auth_data.extensions or {}), "an invalid level must not be echoed"


# ------------------------------------------------------------------------------------------------ hmac-secret

@pytest.mark.parametrize("version", [1, 2])
def test_hmac_secret_one_salt(ctap2, rp_id, hmac_credential, version):
    salt = random_bytes(32)
    first, assertion = hmac_outputs(ctap2, rp_id, hmac_credential, salt, version)
    assert len(first) == 32
    assert assertion.auth_data.flags & 0x80
    again, _ = hmac_outputs(ctap2, rp_id, hmac_credential, salt, version)
    assert first == again
    other, _ = hmac_outputs(ctap2, rp_id, hmac_credential, random_bytes(32), version)
    assert other != first


@pytest.mark.parametrize("version", [1, 2])
def test_hmac_secret_two_salts(ctap2, rp_id, hmac_credential, version):
    salt1, salt2 = random_bytes(32), random_bytes(32)
    both, _ = hmac_outputs(ctap2, rp_id, hmac_credential, salt1 + salt2, version)
    assert len(both) == 64
    one, _ = hmac_outputs(ctap2, rp_id, hmac_credential, salt1, version)
    assert both[:32] == one
    swapped, _ = hmac_outputs(ctap2, rp_id, hmac_credential, salt2 + salt1, version)
    assert swapped[:32] == both[32:]


def test_hmac_secret_same_output_through_both_protocols(ctap2, rp_id, hmac_credential):
    salt = random_bytes(32)
    assert hmac_outputs(ctap2, rp_id, hmac_credential, salt, 1)[0] == hmac_outputs(ctap2, rp_id, hmac_credential, salt, 2)[0]


def test_hmac_secret_differs_per_credential(ctap2, rp_id, hmac_credential):
    other, _, _ = make_credential(ctap2, rp_id, extensions={"hmac-secret": True})
    salt = random_bytes(32)
    assert hmac_outputs(ctap2, rp_id, hmac_credential, salt)[0] != hmac_outputs(ctap2, rp_id, credential_id_of(other), salt)[0]


def test_hmac_secret_in_get_next_assertion(ctap2, rp_id):
    for i in range(2):
        make_credential(ctap2, rp_id, rk=True, user=user_entity(bytes([i + 1]) * 8), extensions={"hmac-secret": True})
    request, protocol, shared = hmac_request(ctap2, 2, random_bytes(32))
    first = ctap2.get_assertion(rp_id, random_bytes(), extensions={"hmac-secret": request})
    assert first.number_of_credentials == 2
    second = ctap2.get_next_assertion()
    outputs = [protocol.decrypt(shared, a.auth_data.extensions["hmac-secret"]) for a in (first, second)]
    assert all(len(o) == 32 for o in outputs)
    assert outputs[0] != outputs[1]


def test_hmac_secret_not_requested_at_creation_gives_no_output(ctap2, rp_id):
    attestation, _, _ = make_credential(ctap2, rp_id)
    request, _, _ = hmac_request(ctap2, 2, random_bytes(32))
    assertion = ctap2.get_assertion(rp_id, random_bytes(), [descriptor(credential_id_of(attestation))],
                                    extensions={"hmac-secret": request})
    assert not (assertion.auth_data.extensions or {}).get("hmac-secret")


@pytest.mark.parametrize("length", [16, 48, 96])
def test_hmac_secret_bad_salt_length(ctap2, rp_id, hmac_credential, length):
    request, _, _ = hmac_request(ctap2, 2, random_bytes(length))
    expect_ctap_error(ERR.INVALID_LENGTH, ctap2.get_assertion, rp_id, random_bytes(), [descriptor(hmac_credential)],
                      extensions={"hmac-secret": request})


@pytest.mark.parametrize("version", [1, 2])
def test_hmac_secret_bad_salt_auth(ctap2, rp_id, hmac_credential, version):
    request, _, _ = hmac_request(ctap2, version, random_bytes(32), corrupt_auth=True)
    expect_ctap_error((ERR.PIN_AUTH_INVALID, ERR.EXTENSION_FIRST), ctap2.get_assertion, rp_id, random_bytes(),
                      [descriptor(hmac_credential)], extensions={"hmac-secret": request})


@pytest.mark.parametrize("missing", [1, 2, 3])
def test_hmac_secret_missing_parameter(ctap2, rp_id, hmac_credential, missing):
    request, _, _ = hmac_request(ctap2, 2, random_bytes(32), drop=missing)
    expect_ctap_error(ERR.MISSING_PARAMETER, ctap2.get_assertion, rp_id, random_bytes(), [descriptor(hmac_credential)],
                      extensions={"hmac-secret": request})


# ------------------------------------------------------------------------------------------------ credBlob

def test_cred_blob_stored_and_returned(ctap2, rp_id):
    blob = random_bytes(32)
    attestation, _, _ = make_credential(ctap2, rp_id, extensions={"credBlob": blob})
    assert attestation.auth_data.extensions["credBlob"] is True
    assertion = ctap2.get_assertion(rp_id, random_bytes(), [descriptor(credential_id_of(attestation))],
                                    extensions={"getCredBlob": True})
    assert assertion.auth_data.extensions["credBlob"] == blob


def test_cred_blob_of_resident_credential(ctap2, rp_id):
    blob = b"resident blob"
    make_credential(ctap2, rp_id, rk=True, extensions={"credBlob": blob})
    assertion = ctap2.get_assertion(rp_id, random_bytes(), extensions={"getCredBlob": True})
    assert assertion.auth_data.extensions["credBlob"] == blob


def test_cred_blob_too_long_is_not_stored(ctap2, rp_id):
    attestation, _, _ = make_credential(ctap2, rp_id, extensions={"credBlob": random_bytes(33)})
    assert attestation.auth_data.extensions["credBlob"] is False
    assertion = ctap2.get_assertion(rp_id, random_bytes(), [descriptor(credential_id_of(attestation))],
                                    extensions={"getCredBlob": True})
    assert assertion.auth_data.extensions["credBlob"] == b""


def test_cred_blob_wrong_type(ctap2, rp_id):
    expect_ctap_error(ERR.CBOR_UNEXPECTED_TYPE, make_credential, ctap2, rp_id, extensions={"credBlob": "text"})


# ------------------------------------------------------------------------------------------------ largeBlobKey

def test_large_blob_key_for_resident_credential(ctap2, rp_id):
    attestation, _, _ = make_credential(ctap2, rp_id, rk=True, extensions={"largeBlobKey": True})
    key = attestation.large_blob_key
    assert isinstance(key, bytes) and len(key) == 32
    assertion = ctap2.get_assertion(rp_id, random_bytes(), extensions={"largeBlobKey": True})
    assert assertion.large_blob_key == key
    plain = ctap2.get_assertion(rp_id, random_bytes())
    assert plain.large_blob_key is None


def test_large_blob_keys_differ_per_credential(ctap2, rp_id):
    a, _, _ = make_credential(ctap2, rp_id, rk=True, extensions={"largeBlobKey": True})
    b, _, _ = make_credential(ctap2, rp_id, rk=True, extensions={"largeBlobKey": True})
    assert a.large_blob_key != b.large_blob_key


def test_large_blob_key_needs_resident_credential(ctap2, rp_id):
    expect_ctap_error(ERR.INVALID_OPTION, make_credential, ctap2, rp_id, extensions={"largeBlobKey": True})


def test_large_blob_key_false_is_refused_or_gives_no_key(ctap2, rp_id):
    try:
        attestation, _, _ = make_credential(ctap2, rp_id, rk=True, extensions={"largeBlobKey": False})
    except CtapError as e:
        assert e.code in (ERR.INVALID_OPTION, ERR.INVALID_PARAMETER), e
        return
    assert attestation.large_blob_key is None


# ------------------------------------------------------------------------------------------------ with a PIN

@pytest.fixture(scope="module")
def pinned_device(authenticators):
    return fresh_with_pin(authenticators, "extensions-pin", PIN, 2)


@pytest.fixture
def pinned(pinned_device):
    ctap2 = ctap2_for(pinned_device)
    yield ctap2
    ctap2.device.close()


def uv_params(ctap2, rp_id, permissions, cdh):
    token = pin_token(ctap2, PIN, permissions, rp_id)
    return {"pin_uv_param": pin_auth(2, token, cdh), "pin_uv_protocol": 2}


def test_hmac_secret_outputs_differ_with_and_without_uv(pinned, rp_id):
    cdh = random_bytes()
    attestation = pinned.make_credential(cdh, {"id": rp_id}, user_entity(), [{"type": "public-key", "alg": -7}],
                                         extensions={"hmac-secret": True}, **uv_params(pinned, rp_id, 1, cdh))
    credential_id = credential_id_of(attestation)
    salt = random_bytes(32)
    without_uv, assertion = hmac_outputs(pinned, rp_id, credential_id, salt)
    assert not assertion.auth_data.flags & 0x04
    cdh = random_bytes()
    params = uv_params(pinned, rp_id, 2, cdh)
    request, protocol, shared = hmac_request(pinned, 2, salt)
    assertion = pinned.get_assertion(rp_id, cdh, [descriptor(credential_id)], extensions={"hmac-secret": request},
                                     **params)
    assert assertion.auth_data.flags & 0x05 == 0x05
    with_uv = protocol.decrypt(shared, assertion.auth_data.extensions["hmac-secret"])
    assert with_uv != without_uv
    again, _ = hmac_outputs(pinned, rp_id, credential_id, salt)
    assert again == without_uv


def test_cred_protect_3_with_uv(pinned, rp_id):
    cdh = random_bytes()
    attestation = pinned.make_credential(cdh, {"id": rp_id}, user_entity(), [{"type": "public-key", "alg": -7}],
                                         extensions={"credProtect": 3}, options={"rk": True},
                                         **uv_params(pinned, rp_id, 1, cdh))
    cdh = random_bytes()
    assertion = pinned.get_assertion(rp_id, cdh, **uv_params(pinned, rp_id, 2, cdh))
    assert assertion.credential["id"] == credential_id_of(attestation)
    assertion.verify(cdh, public_key_of(attestation))
    assert assertion.auth_data.flags & 0x04


def test_discoverable_user_fields_with_uv(pinned, rp_id):
    for i in range(2):
        cdh = random_bytes()
        pinned.make_credential(cdh, {"id": rp_id}, user_entity(bytes([i + 1]) * 8, "name%d" % i, "Name %d" % i),
                               [{"type": "public-key", "alg": -7}], options={"rk": True},
                               **uv_params(pinned, rp_id, 1, cdh))
    cdh = random_bytes()
    first = pinned.get_assertion(rp_id, cdh, **uv_params(pinned, rp_id, 2, cdh))
    assert first.number_of_credentials == 2
    assert first.user["id"] == b"\x02" * 8
    assert first.user.get("name") in (None, "name1")
