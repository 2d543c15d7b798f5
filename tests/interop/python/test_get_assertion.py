"""authenticatorGetAssertion with allow lists (fido-clients.md §7.4): signatures, flags, counters, errors."""

import pytest
from fido2.ctap import CtapError

from vaultlib import (ERR, EDDSA, credential_id_of, descriptor, expect_ctap_error, make_credential, public_key_of,
                      random_bytes, sha256)


@pytest.fixture
def credential(ctap2, rp_id):
    attestation, _, _ = make_credential(ctap2, rp_id)
    return credential_id_of(attestation), public_key_of(attestation)


def test_assertion_signature_verifies(ctap2, rp_id, credential):
    credential_id, public_key = credential
    cdh = random_bytes()
    assertion = ctap2.get_assertion(rp_id, cdh, [descriptor(credential_id)])
    assertion.verify(cdh, public_key)
    assert assertion.credential["id"] == credential_id
    assert assertion.credential["type"] == "public-key"


def test_assertion_auth_data_is_37_bytes_with_up_only(ctap2, rp_id, credential):
    assertion = ctap2.get_assertion(rp_id, random_bytes(), [descriptor(credential[0])])
    assert len(assertion.auth_data) == 37
    assert assertion.auth_data.rp_id_hash == sha256(rp_id.encode())
    assert assertion.auth_data.flags == 0x01
    assert assertion.user is None
    assert assertion.number_of_credentials is None


def test_counter_strictly_increases(ctap2, rp_id, credential):
    counters = [ctap2.get_assertion(rp_id, random_bytes(), [descriptor(credential[0])]).auth_data.counter
                for _ in range(4)]
    assert all(b > a for a, b in zip(counters, counters[1:])), counters


def test_up_false_gives_valid_signature_without_up_flag(ctap2, rp_id, credential):
    cdh = random_bytes()
    assertion = ctap2.get_assertion(rp_id, cdh, [descriptor(credential[0])], options={"up": False})
    assert not assertion.auth_data.flags & 0x01
    assertion.verify(cdh, credential[1])


def test_up_false_needs_no_touch(ctap2, rp_id, credential, user_presence):
    user_presence("deny")
    assertion = ctap2.get_assertion(rp_id, random_bytes(), [descriptor(credential[0])], options={"up": False})
    assert assertion.auth_data.flags & 0x01 == 0


def test_allow_list_with_unknown_entries_first(ctap2, rp_id, credential):
    allow = [descriptor(random_bytes(70)), {"type": "rot13", "id": credential[0]}, descriptor(credential[0])]
    cdh = random_bytes()
    assertion = ctap2.get_assertion(rp_id, cdh, allow)
    assert assertion.credential["id"] == credential[0]
    assertion.verify(cdh, credential[1])


def test_allow_list_with_two_credentials_signs_with_one(ctap2, rp_id, credential):
    other, _, _ = make_credential(ctap2, rp_id)
    ids = {credential[0]: credential[1], credential_id_of(other): public_key_of(other)}
    cdh = random_bytes()
    assertion = ctap2.get_assertion(rp_id, cdh, [descriptor(i) for i in ids])
    assert assertion.credential["id"] in ids
    assertion.verify(cdh, ids[assertion.credential["id"]])
    assert assertion.number_of_credentials is None, "CTAP 2.1: with an allow list, no numberOfCredentials"
    expect_ctap_error(ERR.NOT_ALLOWED, ctap2.get_next_assertion)


def test_eddsa_assertion(ctap2, rp_id):
    attestation, _, _ = make_credential(ctap2, rp_id, algorithms=(EDDSA,))
    cdh = random_bytes()
    assertion = ctap2.get_assertion(rp_id, cdh, [descriptor(credential_id_of(attestation))])
    assertion.verify(cdh, public_key_of(attestation))


def test_resident_credential_through_allow_list(ctap2, rp_id):
    attestation, _, user = make_credential(ctap2, rp_id, rk=True)
    cdh = random_bytes()
    assertion = ctap2.get_assertion(rp_id, cdh, [descriptor(credential_id_of(attestation))])
    assertion.verify(cdh, public_key_of(attestation))


def test_credential_survives_power_cycle(shared_device, rp_id):
    from vaultlib import ctap2_for
    ctap2 = ctap2_for(shared_device)
    attestation, _, _ = make_credential(ctap2, rp_id)
    before = ctap2.get_assertion(rp_id, random_bytes(), [descriptor(credential_id_of(attestation))]).auth_data.counter
    ctap2.device.close()
    shared_device.restart()
    ctap2 = ctap2_for(shared_device)
    cdh = random_bytes()
    assertion = ctap2.get_assertion(rp_id, cdh, [descriptor(credential_id_of(attestation))])
    assertion.verify(cdh, public_key_of(attestation))
    assert assertion.auth_data.counter > before
    ctap2.device.close()


# ------------------------------------------------------------------------------------------------ negative

def test_no_credentials_for_rp(ctap2, rp_id):
    expect_ctap_error(ERR.NO_CREDENTIALS, ctap2.get_assertion, rp_id, random_bytes())


def test_empty_allow_list(ctap2, rp_id, credential):
    expect_ctap_error(ERR.NO_CREDENTIALS, ctap2.get_assertion, rp_id, random_bytes(), [])


@pytest.mark.parametrize("position", [0, 10, -1])
def test_bit_flipped_credential_id(ctap2, rp_id, credential, position):
    flipped = bytearray(credential[0])
    flipped[position] ^= 0x01
    expect_ctap_error(ERR.NO_CREDENTIALS, ctap2.get_assertion, rp_id, random_bytes(), [descriptor(bytes(flipped))])


def test_truncated_credential_id(ctap2, rp_id, credential):
    expect_ctap_error(ERR.NO_CREDENTIALS, ctap2.get_assertion, rp_id, random_bytes(),
                      [descriptor(credential[0][:-1])])


def test_wrong_rp_id(ctap2, rp_id, credential):
    expect_ctap_error(ERR.NO_CREDENTIALS, ctap2.get_assertion, "evil-" + rp_id, random_bytes(),
                      [descriptor(credential[0])])


def test_missing_rp_id(ctap2):
    expect_ctap_error(ERR.MISSING_PARAMETER, ctap2.send_cbor, 0x02, {2: random_bytes()})


def test_missing_client_data_hash(ctap2, rp_id):
    expect_ctap_error(ERR.MISSING_PARAMETER, ctap2.send_cbor, 0x02, {1: rp_id})


def test_rp_id_of_wrong_type(ctap2):
    expect_ctap_error(ERR.CBOR_UNEXPECTED_TYPE, ctap2.send_cbor, 0x02, {1: b"bytes", 2: random_bytes()})


def test_allow_list_entry_of_wrong_type(ctap2, rp_id, credential):
    expect_ctap_error((ERR.CBOR_UNEXPECTED_TYPE, ERR.MISSING_PARAMETER), ctap2.send_cbor, 0x02,
                      {1: rp_id, 2: random_bytes(), 3: [{"type": "public-key", "id": "text"}]})


def test_rk_option_is_unsupported(ctap2, rp_id, credential):
    expect_ctap_error((ERR.UNSUPPORTED_OPTION, ERR.INVALID_OPTION), ctap2.get_assertion, rp_id, random_bytes(),
                      [descriptor(credential[0])], options={"rk": True})


def test_uv_true_without_builtin_uv(ctap2, rp_id, credential):
    expect_ctap_error((ERR.INVALID_OPTION, ERR.UNSUPPORTED_OPTION), ctap2.get_assertion, rp_id, random_bytes(),
                      [descriptor(credential[0])], options={"uv": True})


def test_denied_user_presence(ctap2, rp_id, credential, user_presence):
    user_presence("deny")
    expect_ctap_error(ERR.OPERATION_DENIED, ctap2.get_assertion, rp_id, random_bytes(), [descriptor(credential[0])])


def test_get_next_assertion_without_get_assertion(ctap2):
    expect_ctap_error(ERR.NOT_ALLOWED, ctap2.get_next_assertion)


def test_get_next_assertion_after_allow_list_assertion(ctap2, rp_id, credential):
    ctap2.get_assertion(rp_id, random_bytes(), [descriptor(credential[0])])
    expect_ctap_error(ERR.NOT_ALLOWED, ctap2.get_next_assertion)
