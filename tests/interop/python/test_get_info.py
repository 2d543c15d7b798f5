"""authenticatorGetInfo (fido-clients.md §7.2) and CTAP2 command dispatch."""

import pytest
from fido2 import cbor
from fido2.ctap import CtapError
from fido2.hid import CTAPHID

from vaultlib import ERR, ES256, EDDSA, expect_ctap_error


@pytest.fixture
def raw_info(dev):
    response = dev.call(CTAPHID.CBOR, b"\x04")
    assert response[0] == 0
    return response[1:]


def test_info_is_canonical_cbor(raw_info):
    assert cbor.encode(cbor.decode(raw_info)) == raw_info


def test_info_keys_are_integers_in_order(raw_info):
    info = cbor.decode(raw_info)
    keys = list(info.keys())
    assert all(isinstance(k, int) for k in keys)
    assert keys == sorted(keys)
    assert 1 in info and 3 in info


def test_versions(ctap2):
    versions = ctap2.info.versions
    assert "FIDO_2_0" in versions and "FIDO_2_1" in versions and "U2F_V2" in versions
    assert all(isinstance(v, str) for v in versions)


def test_extensions(ctap2):
    for name in ("credProtect", "hmac-secret", "largeBlobKey", "credBlob", "minPinLength"):
        assert name in ctap2.info.extensions


def test_aaguid_matches_the_attestation_material(ctap2, aaguid):
    assert len(ctap2.info.aaguid) == 16
    assert bytes(ctap2.info.aaguid) == aaguid


def test_options_are_booleans(ctap2):
    options = ctap2.info.options
    assert options, "options missing"
    for key, value in options.items():
        assert isinstance(key, str) and isinstance(value, bool), (key, value)


def test_options_values(ctap2):
    options = ctap2.info.options
    assert options["rk"] is True
    assert options["up"] is True
    assert options.get("plat", False) is False
    assert options["clientPin"] is False, "no PIN is set on the shared authenticator"
    assert options["pinUvAuthToken"] is True
    assert options["credMgmt"] is True
    assert options["largeBlobs"] is True
    assert options["authnrCfg"] is True
    assert options["setMinPINLength"] is True
    assert "uv" not in options, "no built-in user verification"
    assert "bioEnroll" not in options


def test_max_msg_size(ctap2):
    assert 1200 <= ctap2.info.max_msg_size <= 7609


def test_pin_uv_protocols_prefer_two(ctap2):
    assert ctap2.info.pin_uv_protocols == [2, 1]


def test_credential_limits(ctap2):
    assert ctap2.info.max_creds_in_list > 1
    assert 16 <= ctap2.info.max_cred_id_length <= 255


def test_transports(ctap2):
    assert ctap2.info.transports == ["usb"]


def test_algorithms(ctap2):
    algorithms = ctap2.info.algorithms
    assert algorithms[0] == {"alg": ES256, "type": "public-key"}
    assert {"alg": EDDSA, "type": "public-key"} in algorithms


def test_large_blob_and_cred_blob_sizes(ctap2):
    assert ctap2.info.max_large_blob >= 1024
    assert ctap2.info.max_cred_blob_length >= 32


def test_min_pin_length_and_force_change(ctap2):
    assert ctap2.info.min_pin_length == 4
    assert ctap2.info.force_pin_change is False


def test_remaining_discoverable_credentials(ctap2):
    remaining = ctap2.info.remaining_disc_creds
    assert isinstance(remaining, int) and remaining > 0


def test_unknown_ctap2_command_is_invalid_command(ctap2):
    expect_ctap_error(ERR.INVALID_COMMAND, ctap2.send_cbor, 0x55)


def test_truncated_cbor_is_invalid_cbor(dev):
    # makeCredential with a map header announcing 4 pairs and nothing after it
    response = dev.call(CTAPHID.CBOR, b"\x01\xa4")
    assert response[0] == ERR.INVALID_CBOR, response[:1].hex()


def test_non_canonical_cbor_is_rejected(dev):
    # getAssertion map with keys out of order {2: ..., 1: ...}
    body = b"\xa2\x02\x58\x20" + bytes(32) + b"\x01\x63abc"
    response = dev.call(CTAPHID.CBOR, b"\x02" + body)
    assert response[0] == ERR.INVALID_CBOR, response[:1].hex()


def test_request_that_is_not_a_map_is_rejected(dev):
    response = dev.call(CTAPHID.CBOR, b"\x01\x80")
    assert response[0] in (ERR.INVALID_CBOR, ERR.CBOR_UNEXPECTED_TYPE), response[:1].hex()
