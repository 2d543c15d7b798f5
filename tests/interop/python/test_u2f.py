"""U2F / CTAP1 over CTAPHID_MSG (fido-clients.md §7.7) and CTAP1/CTAP2 interoperability both ways."""

import struct

import pytest
from cryptography import x509
from fido2.client import _call_polling
from fido2.ctap1 import APDU, ApduError, Ctap1
from fido2.ctap2 import AssertionResponse, AttestedCredentialData
from fido2.hid import CTAPHID

from vaultlib import credential_id_of, descriptor, make_credential, public_key_of, random_bytes, sha256

APP = sha256(b"https://u2f.example.com")


def expect_sw(sw, function, *args, **kwargs):
    with pytest.raises(ApduError) as error:
        function(*args, **kwargs)
    assert error.value.code == sw, "expected %04x, got %04x" % (sw, error.value.code)


@pytest.fixture
def registration(ctap1):
    return ctap1.register(random_bytes(), APP)


def test_version(ctap1):
    assert ctap1.get_version() == "U2F_V2"


def test_version_short_apdu(dev):
    response = dev.call(CTAPHID.MSG, bytes([0, 3, 0, 0]))
    assert response == b"U2F_V2\x90\x00"


def test_version_short_apdu_with_le(dev):
    response = dev.call(CTAPHID.MSG, bytes([0, 3, 0, 0, 0]))
    assert response == b"U2F_V2\x90\x00"


def test_register_signature_verifies(ctap1):
    challenge = random_bytes()
    registration = ctap1.register(challenge, APP)
    registration.verify(APP, challenge)
    assert registration.public_key[:1] == b"\x04" and len(registration.public_key) == 65
    assert len(registration.key_handle) <= 255
    certificate = x509.load_der_x509_certificate(registration.certificate)
    assert certificate.version == x509.Version.v3


def test_register_short_apdu(dev):
    data = random_bytes() + APP
    response = dev.call(CTAPHID.MSG, bytes([0, 1, 0, 0, 64]) + data)
    assert response[-2:] == b"\x90\x00" and response[0] == 0x05


def test_authenticate_signature_verifies(ctap1, registration):
    challenge = random_bytes()
    signature = ctap1.authenticate(challenge, APP, registration.key_handle)
    signature.verify(APP, challenge, registration.public_key)
    assert signature.user_presence & 0x01


def test_authenticate_counter_increases(ctap1, registration):
    first = ctap1.authenticate(random_bytes(), APP, registration.key_handle).counter
    second = ctap1.authenticate(random_bytes(), APP, registration.key_handle).counter
    assert second > first


def test_dont_enforce_user_presence(ctap1, registration, user_presence):
    user_presence("deny")
    challenge = random_bytes()
    data = challenge + APP + bytes([len(registration.key_handle)]) + registration.key_handle
    response = ctap1.send_apdu(ins=0x02, p1=0x08, data=data)
    assert response[0] & 0x01 == 0
    from fido2.ctap1 import SignatureData
    SignatureData(response).verify(APP, challenge, registration.public_key)


def test_polling_until_presence(ctap1, user_presence):
    user_presence("delay=400")
    challenge = random_bytes()
    registration = _call_polling(0.1, None, None, ctap1.register, challenge, APP)
    registration.verify(APP, challenge)


# ------------------------------------------------------------------------------------------------ negative

def test_check_only_with_valid_key_handle(ctap1, registration):
    expect_sw(APDU.USE_NOT_SATISFIED, ctap1.authenticate, random_bytes(), APP, registration.key_handle, True)


def test_check_only_with_invalid_key_handle(ctap1, registration):
    bad = bytearray(registration.key_handle)
    bad[3] ^= 0x40
    expect_sw(APDU.WRONG_DATA, ctap1.authenticate, random_bytes(), APP, bytes(bad), True)


def test_bit_flipped_key_handle(ctap1, registration):
    bad = bytearray(registration.key_handle)
    bad[-1] ^= 0x01
    expect_sw(APDU.WRONG_DATA, ctap1.authenticate, random_bytes(), APP, bytes(bad))


def test_wrong_application(ctap1, registration):
    expect_sw(APDU.WRONG_DATA, ctap1.authenticate, random_bytes(), sha256(b"https://evil.example"),
              registration.key_handle)


def test_key_handle_length_mismatch(ctap1, registration):
    data = random_bytes() + APP + bytes([len(registration.key_handle) + 5]) + registration.key_handle
    with pytest.raises(ApduError) as error:
        ctap1.send_apdu(0, 0x02, 0x03, 0, data)
    assert error.value.code in (APDU.WRONG_DATA, 0x6700), "%04x" % error.value.code


def test_denied_presence_is_conditions_not_satisfied(ctap1, user_presence):
    user_presence("deny")
    expect_sw(APDU.USE_NOT_SATISFIED, ctap1.register, random_bytes(), APP)


def test_bad_cla(ctap1):
    expect_sw(0x6E00, ctap1.send_apdu, 0x80, 0x03, 0, 0)


def test_bad_ins(ctap1):
    expect_sw(0x6D00, ctap1.send_apdu, 0, 0x55, 0, 0)


def test_register_wrong_length(ctap1):
    expect_sw(0x6700, ctap1.send_apdu, 0, 0x01, 0, 0, random_bytes(63))


def test_authenticate_bad_p1(ctap1, registration):
    data = random_bytes() + APP + bytes([len(registration.key_handle)]) + registration.key_handle
    with pytest.raises(ApduError) as error:
        ctap1.send_apdu(0, 0x02, 0x05, 0, data)
    assert error.value.code in (0x6A86, 0x6B00, 0x6A80, 0x6700, 0x6F00)


# ------------------------------------------------------------------------------------------------ CTAP1 <-> CTAP2

def test_u2f_key_handle_works_in_ctap2(ctap1, ctap2):
    app_id = "u2f-interop.example.com"
    app = sha256(app_id.encode())
    registration = ctap1.register(random_bytes(), app)
    cdh = random_bytes()
    assertion = ctap2.get_assertion(app_id, cdh, [descriptor(registration.key_handle)])
    public_key = AttestedCredentialData.from_ctap1(registration.key_handle, registration.public_key).public_key
    assertion.verify(cdh, public_key)


def test_ctap2_credential_works_in_u2f(ctap1, ctap2, rp_id):
    attestation, _, _ = make_credential(ctap2, rp_id)
    challenge = random_bytes()
    signature = ctap1.authenticate(challenge, sha256(rp_id.encode()), credential_id_of(attestation))
    key = public_key_of(attestation)
    raw = b"\x04" + key[-2] + key[-3]
    signature.verify(sha256(rp_id.encode()), challenge, raw)
    ctap2_assertion = AssertionResponse.from_ctap1(sha256(rp_id.encode()), descriptor(credential_id_of(attestation)),
                                                   signature)
    ctap2_assertion.verify(challenge, key)


def test_ctap2_credential_with_wrong_app_in_u2f(ctap1, ctap2, rp_id):
    attestation, _, _ = make_credential(ctap2, rp_id)
    expect_sw(APDU.WRONG_DATA, ctap1.authenticate, random_bytes(), sha256(b"other"), credential_id_of(attestation))


def test_u2f_key_handle_with_wrong_rp_in_ctap2(ctap1, ctap2):
    from vaultlib import ERR, expect_ctap_error
    registration = ctap1.register(random_bytes(), sha256(b"u2f-a.example.com"))
    expect_ctap_error(ERR.NO_CREDENTIALS, ctap2.get_assertion, "u2f-b.example.com", random_bytes(),
                      [descriptor(registration.key_handle)])


def test_shared_counter_across_protocols(ctap1, ctap2, rp_id):
    attestation, _, _ = make_credential(ctap2, rp_id)
    u2f = ctap1.authenticate(random_bytes(), sha256(rp_id.encode()), credential_id_of(attestation)).counter
    ctap2_counter = ctap2.get_assertion(rp_id, random_bytes(), [descriptor(credential_id_of(attestation))]).auth_data.counter
    assert ctap2_counter > u2f
