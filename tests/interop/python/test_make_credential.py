"""authenticatorMakeCredential (fido-clients.md §7.3): parameters, types, options, exclude list, algorithms,
packed x5c attestation, authData and the signature counter."""

import struct

import pytest
from cryptography import x509
from cryptography.x509.oid import NameOID
from fido2 import cbor
from fido2.attestation import Attestation
from fido2.ctap import CtapError

from vaultlib import (ERR, EDDSA, ES256, RS256, credential_id_of, descriptor, expect_ctap_error, key_params,
                      make_credential, random_bytes, rp_entity, sha256, user_entity)


def mc_raw(ctap2, params):
    """makeCredential from a raw parameter map (keys 1..n)."""
    return ctap2.send_cbor(0x01, params)


def base_params(rp_id):
    return {1: random_bytes(), 2: rp_entity(rp_id), 3: user_entity(), 4: key_params()}


def test_packed_attestation_verifies(ctap2, rp_id):
    attestation, cdh, _ = make_credential(ctap2, rp_id)
    assert attestation.fmt == "packed"
    statement = attestation.att_statement
    assert statement["alg"] == ES256
    assert len(statement["x5c"]) >= 1
    Attestation.for_type("packed")().verify(statement, attestation.auth_data, cdh)


def test_attestation_certificate_fields(ctap2, rp_id, aaguid):
    attestation, _, _ = make_credential(ctap2, rp_id)
    certificate = x509.load_der_x509_certificate(attestation.att_statement["x5c"][0])
    assert certificate.version == x509.Version.v3
    constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.value.ca is False
    subject = certificate.subject
    assert subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)[0].value == "Authenticator Attestation"
    for oid in (NameOID.COUNTRY_NAME, NameOID.ORGANIZATION_NAME, NameOID.COMMON_NAME):
        assert subject.get_attributes_for_oid(oid)
    extension = certificate.extensions.get_extension_for_oid(x509.ObjectIdentifier("1.3.6.1.4.1.45724.1.1.4"))
    assert not extension.critical
    assert extension.value.value == b"\x04\x10" + aaguid


def test_tampered_client_data_hash_fails_attestation(ctap2, rp_id):
    attestation, cdh, _ = make_credential(ctap2, rp_id)
    with pytest.raises(Exception):
        Attestation.for_type("packed")().verify(attestation.att_statement, attestation.auth_data, sha256(cdh))


def test_auth_data_layout(ctap2, rp_id, aaguid):
    attestation, _, _ = make_credential(ctap2, rp_id)
    auth_data = attestation.auth_data
    assert auth_data.rp_id_hash == sha256(rp_id.encode())
    assert auth_data.flags & 0x41 == 0x41, "UP and AT"
    assert not auth_data.flags & 0x04, "no UV without a PIN"
    assert not auth_data.flags & 0x80, "no extensions requested"
    assert len(auth_data) >= 77
    data = auth_data.credential_data
    assert bytes(data.aaguid) == aaguid
    assert 16 <= len(data.credential_id) <= 255
    key = data.public_key
    assert key[1] == 2 and key[3] == ES256 and key[-1] == 1
    assert len(key[-2]) == 32 and len(key[-3]) == 32


def test_credential_public_key_is_canonical(ctap2, rp_id):
    attestation, _, _ = make_credential(ctap2, rp_id)
    raw = bytes(attestation.auth_data)
    offset = 37 + 16
    (length,) = struct.unpack_from(">H", raw, offset)
    key_bytes = raw[offset + 2 + length:]
    assert cbor.encode(cbor.decode(key_bytes)) == key_bytes
    assert key_bytes[:1] == b"\xa5"


def test_counter_increases_between_registrations(ctap2, rp_id):
    first, _, _ = make_credential(ctap2, rp_id)
    second, _, _ = make_credential(ctap2, rp_id)
    assert second.auth_data.counter > first.auth_data.counter


def test_credential_ids_are_unique(ctap2, rp_id):
    ids = {credential_id_of(make_credential(ctap2, rp_id)[0]) for _ in range(3)}
    assert len(ids) == 3


def test_eddsa_credential(ctap2, rp_id):
    attestation, cdh, _ = make_credential(ctap2, rp_id, algorithms=(EDDSA,))
    key = attestation.auth_data.credential_data.public_key
    assert key[1] == 1 and key[3] == EDDSA and key[-1] == 6 and len(key[-2]) == 32
    Attestation.for_type("packed")().verify(attestation.att_statement, attestation.auth_data, cdh)


def test_first_supported_algorithm_in_order_wins(ctap2, rp_id):
    attestation, _, _ = make_credential(ctap2, rp_id, algorithms=(RS256, EDDSA, ES256))
    assert attestation.auth_data.credential_data.public_key[3] == EDDSA


def test_unknown_credential_type_is_ignored(ctap2, rp_id):
    params = base_params(rp_id)
    params[4] = [{"type": "rot13", "alg": ES256}, {"type": "public-key", "alg": ES256}]
    result = mc_raw(ctap2, params)
    assert result[1] == "packed"


def test_resident_credential_is_accepted(ctap2, rp_id):
    attestation, _, _ = make_credential(ctap2, rp_id, rk=True)
    assert attestation.auth_data.flags & 0x41 == 0x41


def test_up_true_is_accepted(ctap2, rp_id):
    attestation = ctap2.make_credential(random_bytes(), rp_entity(rp_id), user_entity(), key_params(),
                                        options={"up": True})
    assert attestation.auth_data.flags & 0x01


def test_unknown_option_is_ignored(ctap2, rp_id):
    attestation = ctap2.make_credential(random_bytes(), rp_entity(rp_id), user_entity(), key_params(),
                                        options={"future": True})
    assert attestation.fmt == "packed"


def test_unknown_extension_is_ignored(ctap2, rp_id):
    attestation, _, _ = make_credential(ctap2, rp_id, extensions={"unknownExtension": True})
    assert not attestation.auth_data.extensions


def test_exclude_list_without_match_is_fine(ctap2, rp_id):
    other, _, _ = make_credential(ctap2, "other-" + rp_id)
    attestation, _, _ = make_credential(ctap2, rp_id, exclude_list=[descriptor(credential_id_of(other)),
                                                                     descriptor(random_bytes(64))])
    assert attestation.fmt == "packed"


def test_exclude_list_unknown_type_is_ignored(ctap2, rp_id):
    first, _, _ = make_credential(ctap2, rp_id)
    attestation, _, _ = make_credential(ctap2, rp_id, exclude_list=[{"type": "rot13", "id": credential_id_of(first)}])
    assert attestation.fmt == "packed"


def test_maximum_user_id(ctap2, rp_id):
    attestation, _, _ = make_credential(ctap2, rp_id, user=user_entity(random_bytes(64)))
    assert attestation.fmt == "packed"


def test_rp_without_name_is_accepted(ctap2, rp_id):
    attestation = ctap2.make_credential(random_bytes(), {"id": rp_id}, user_entity(), key_params())
    assert attestation.fmt == "packed"


# ------------------------------------------------------------------------------------------------ negative

def test_exclude_list_match_is_credential_excluded(ctap2, rp_id):
    first, _, _ = make_credential(ctap2, rp_id)
    expect_ctap_error(ERR.CREDENTIAL_EXCLUDED, make_credential, ctap2, rp_id,
                      exclude_list=[descriptor(random_bytes(40)), descriptor(credential_id_of(first))])


def test_exclude_list_match_of_resident_credential(ctap2, rp_id):
    first, _, _ = make_credential(ctap2, rp_id, rk=True)
    expect_ctap_error(ERR.CREDENTIAL_EXCLUDED, make_credential, ctap2, rp_id, rk=True,
                      exclude_list=[descriptor(credential_id_of(first))])


@pytest.mark.parametrize("missing", [1, 2, 3, 4])
def test_missing_required_parameter(ctap2, rp_id, missing):
    params = base_params(rp_id)
    del params[missing]
    expect_ctap_error(ERR.MISSING_PARAMETER, mc_raw, ctap2, params)


@pytest.mark.parametrize("key,value", [
    (1, "not bytes"),
    (2, "not a map"),
    (3, b"not a map"),
    (4, {"type": "public-key", "alg": ES256}),
    (5, {"not": "an array"}),
    (6, [1, 2]),
    (7, [True]),
])
def test_wrong_top_level_type(ctap2, rp_id, key, value):
    params = base_params(rp_id)
    params[key] = value
    expect_ctap_error(ERR.CBOR_UNEXPECTED_TYPE, mc_raw, ctap2, params)


@pytest.mark.parametrize("where,field,value", [
    ("rp", "id", 8),
    ("rp", "name", 8),
    ("rp", "icon", 8),
    ("user", "id", "text id"),
    ("user", "name", 8),
    ("user", "displayName", 8),
    ("user", "icon", 8),
])
def test_wrong_nested_type(ctap2, rp_id, where, field, value):
    params = base_params(rp_id)
    params[2 if where == "rp" else 3][field] = value
    expect_ctap_error(ERR.CBOR_UNEXPECTED_TYPE, mc_raw, ctap2, params)


def test_rp_without_id_is_missing_parameter(ctap2, rp_id):
    params = base_params(rp_id)
    params[2] = {"name": "no id"}
    expect_ctap_error(ERR.MISSING_PARAMETER, mc_raw, ctap2, params)


def test_user_without_id_is_missing_parameter(ctap2, rp_id):
    params = base_params(rp_id)
    params[3] = {"name": "no id"}
    expect_ctap_error(ERR.MISSING_PARAMETER, mc_raw, ctap2, params)


def test_user_id_longer_than_64_is_rejected(ctap2, rp_id):
    expect_ctap_error((ERR.INVALID_LENGTH, ERR.INVALID_PARAMETER, ERR.LIMIT_EXCEEDED), make_credential, ctap2, rp_id,
                      user=user_entity(random_bytes(65)))


def test_only_unsupported_algorithms(ctap2, rp_id):
    expect_ctap_error(ERR.UNSUPPORTED_ALGORITHM, make_credential, ctap2, rp_id, algorithms=(RS256, -35))


def test_empty_algorithm_list(ctap2, rp_id):
    params = base_params(rp_id)
    params[4] = []
    expect_ctap_error(ERR.UNSUPPORTED_ALGORITHM, mc_raw, ctap2, params)


def test_parameter_without_type_is_missing_parameter(ctap2, rp_id):
    params = base_params(rp_id)
    params[4] = [{"alg": ES256}]
    expect_ctap_error(ERR.MISSING_PARAMETER, mc_raw, ctap2, params)


def test_parameter_without_alg(ctap2, rp_id):
    params = base_params(rp_id)
    params[4] = [{"type": "public-key"}]
    expect_ctap_error((ERR.MISSING_PARAMETER, ERR.UNSUPPORTED_ALGORITHM), mc_raw, ctap2, params)


def test_parameter_alg_wrong_type(ctap2, rp_id):
    params = base_params(rp_id)
    params[4] = [{"type": "public-key", "alg": "ES256"}]
    expect_ctap_error(ERR.CBOR_UNEXPECTED_TYPE, mc_raw, ctap2, params)


@pytest.mark.parametrize("entry", [
    {"type": "public-key"},
    {"id": b"\x01" * 16},
    {"type": "public-key", "id": "text"},
    {"type": 3, "id": b"\x01" * 16},
])
def test_bad_exclude_list_entry(ctap2, rp_id, entry):
    params = base_params(rp_id)
    params[5] = [entry]
    expect_ctap_error((ERR.MISSING_PARAMETER, ERR.CBOR_UNEXPECTED_TYPE), mc_raw, ctap2, params)


def test_up_false_is_invalid_option(ctap2, rp_id):
    expect_ctap_error(ERR.INVALID_OPTION, ctap2.make_credential, random_bytes(), rp_entity(rp_id), user_entity(),
                      key_params(), options={"up": False})


def test_uv_true_without_builtin_uv_is_invalid_option(ctap2, rp_id):
    expect_ctap_error((ERR.INVALID_OPTION, ERR.UNSUPPORTED_OPTION), ctap2.make_credential, random_bytes(),
                      rp_entity(rp_id), user_entity(), key_params(), options={"uv": True})


def test_option_of_wrong_type(ctap2, rp_id):
    expect_ctap_error(ERR.CBOR_UNEXPECTED_TYPE, ctap2.make_credential, random_bytes(), rp_entity(rp_id),
                      user_entity(), key_params(), options={"rk": "yes"})


def test_pin_auth_without_protocol_is_missing_parameter(ctap2, rp_id):
    expect_ctap_error(ERR.MISSING_PARAMETER, ctap2.make_credential, random_bytes(), rp_entity(rp_id), user_entity(),
                      key_params(), pin_uv_param=random_bytes(16))


def test_unsupported_pin_protocol_is_invalid_parameter(ctap2, rp_id):
    expect_ctap_error(ERR.INVALID_PARAMETER, ctap2.make_credential, random_bytes(), rp_entity(rp_id), user_entity(),
                      key_params(), pin_uv_param=random_bytes(16), pin_uv_protocol=3)


def test_zero_length_pin_auth_without_pin_is_pin_not_set(ctap2, rp_id):
    expect_ctap_error(ERR.PIN_NOT_SET, ctap2.make_credential, random_bytes(), rp_entity(rp_id), user_entity(),
                      key_params(), pin_uv_param=b"", pin_uv_protocol=1)


def test_pin_auth_without_pin_set(ctap2, rp_id):
    expect_ctap_error((ERR.PIN_NOT_SET, ERR.PIN_AUTH_INVALID), ctap2.make_credential, random_bytes(),
                      rp_entity(rp_id), user_entity(), key_params(), pin_uv_param=random_bytes(32), pin_uv_protocol=2)


def test_denied_user_presence_is_operation_denied(ctap2, rp_id, user_presence):
    user_presence("deny")
    expect_ctap_error(ERR.OPERATION_DENIED, make_credential, ctap2, rp_id)


def test_denied_exclude_reveal_still_excluded_or_denied(ctap2, rp_id, user_presence):
    first, _, _ = make_credential(ctap2, rp_id)
    user_presence("deny")
    expect_ctap_error((ERR.CREDENTIAL_EXCLUDED, ERR.OPERATION_DENIED), make_credential, ctap2, rp_id,
                      exclude_list=[descriptor(credential_id_of(first))])
