"""authenticatorCredentialManagement 0x0A and the preview 0x41 (fido-clients.md §2.2, §7.6)."""

import struct

import pytest
from fido2 import cbor
from fido2.ctap2 import CredentialManagement
from fido2.ctap2.pin import ClientPin

from vaultlib import (ERR, credential_id_of, ctap2_for, descriptor, expect_ctap_error, fresh_with_pin, key_params,
                      pin_auth, pin_protocol, pin_token, public_key_of, random_bytes, sha256, user_entity)

PIN = "55667788"
CM = ClientPin.PERMISSION.CREDENTIAL_MGMT
R = CredentialManagement.RESULT


@pytest.fixture(scope="module")
def device(authenticators):
    return fresh_with_pin(authenticators, "credmgmt", PIN, 2)


@pytest.fixture
def ctap2(device):
    ctap2 = ctap2_for(device)
    yield ctap2
    ctap2.device.close()


@pytest.fixture
def manager(ctap2):
    return CredentialManagement(ctap2, pin_protocol(2), pin_token(ctap2, PIN, CM))


def make_resident(ctap2, rp_id, user=None, extensions=None, rp_name=None):
    cdh = random_bytes()
    token = pin_token(ctap2, PIN, ClientPin.PERMISSION.MAKE_CREDENTIAL, rp_id)
    user = user or user_entity()
    attestation = ctap2.make_credential(cdh, {"id": rp_id, "name": rp_name or rp_id}, user, key_params(),
                                       extensions=extensions, options={"rk": True},
                                       pin_uv_param=pin_auth(2, token, cdh), pin_uv_protocol=2)
    return attestation, user


def test_metadata_counts(ctap2, manager, rp_id):
    before = manager.get_metadata()
    assert before[R.EXISTING_CRED_COUNT] >= 0 and before[R.MAX_REMAINING_COUNT] > 0
    make_resident(ctap2, rp_id)
    manager = CredentialManagement(ctap2, pin_protocol(2), pin_token(ctap2, PIN, CM))
    after = manager.get_metadata()
    assert after[R.EXISTING_CRED_COUNT] == before[R.EXISTING_CRED_COUNT] + 1
    assert after[R.MAX_REMAINING_COUNT] == before[R.MAX_REMAINING_COUNT] - 1


def test_enumerate_rps(ctap2, rp_id):
    make_resident(ctap2, "a-" + rp_id, rp_name="RP A")
    make_resident(ctap2, "b-" + rp_id, rp_name="RP B")
    manager = CredentialManagement(ctap2, pin_protocol(2), pin_token(ctap2, PIN, CM))
    rps = manager.enumerate_rps()
    assert rps[0][R.TOTAL_RPS] == len(rps)
    found = {rp[R.RP]["id"]: rp for rp in rps}
    for prefix in ("a-", "b-"):
        entry = found[prefix + rp_id]
        assert entry[R.RP_ID_HASH] == sha256((prefix + rp_id).encode())
    assert found["a-" + rp_id][R.RP].get("name") in (None, "RP A")


def test_enumerate_credentials(ctap2, rp_id):
    made = [make_resident(ctap2, rp_id, user_entity(bytes([i + 1]) * 8, "user%d" % i, "User %d" % i),
                          extensions={"credProtect": 2, "largeBlobKey": True} if i == 0 else None)
            for i in range(3)]
    manager = CredentialManagement(ctap2, pin_protocol(2), pin_token(ctap2, PIN, CM))
    credentials = manager.enumerate_creds(sha256(rp_id.encode()))
    assert len(credentials) == 3
    assert credentials[0][R.TOTAL_CREDENTIALS] == 3
    by_id = {c[R.CREDENTIAL_ID]["id"]: c for c in credentials}
    for attestation, user in made:
        entry = by_id[credential_id_of(attestation)]
        assert entry[R.USER]["id"] == user["id"]
        assert entry[R.USER].get("name") == user["name"]
        assert entry[R.PUBLIC_KEY] == public_key_of(attestation)
        assert entry[R.CREDENTIAL_ID]["type"] == "public-key"
    first = by_id[credential_id_of(made[0][0])]
    assert first[R.CRED_PROTECT] == 2
    assert first[R.LARGE_BLOB_KEY] == made[0][0].large_blob_key


def test_delete_credential(ctap2, rp_id):
    attestation, _ = make_resident(ctap2, rp_id)
    keep, _ = make_resident(ctap2, rp_id)
    manager = CredentialManagement(ctap2, pin_protocol(2), pin_token(ctap2, PIN, CM))
    manager.delete_cred(descriptor(credential_id_of(attestation)))
    remaining = manager.enumerate_creds(sha256(rp_id.encode()))
    assert [c[R.CREDENTIAL_ID]["id"] for c in remaining] == [credential_id_of(keep)]
    assertion = ctap2.get_assertion(rp_id, random_bytes())
    assert assertion.credential["id"] == credential_id_of(keep)
    expect_ctap_error(ERR.NO_CREDENTIALS, ctap2.get_assertion, rp_id, random_bytes(),
                      [descriptor(credential_id_of(attestation))])


def test_delete_last_credential_removes_the_rp(ctap2, rp_id):
    attestation, _ = make_resident(ctap2, rp_id)
    manager = CredentialManagement(ctap2, pin_protocol(2), pin_token(ctap2, PIN, CM))
    manager.delete_cred(descriptor(credential_id_of(attestation)))
    assert rp_id not in [rp[R.RP]["id"] for rp in manager.enumerate_rps()]
    expect_ctap_error(ERR.NO_CREDENTIALS, manager.enumerate_creds_begin, sha256(rp_id.encode()))


def test_update_user_information(ctap2, rp_id):
    attestation, user = make_resident(ctap2, rp_id, user_entity(b"\x42" * 16, "before", "Before"))
    manager = CredentialManagement(ctap2, pin_protocol(2), pin_token(ctap2, PIN, CM))
    manager.update_user_info(descriptor(credential_id_of(attestation)),
                             {"id": user["id"], "name": "after", "displayName": "After"})
    [entry] = manager.enumerate_creds(sha256(rp_id.encode()))
    assert entry[R.USER]["name"] == "after"
    assert entry[R.USER]["displayName"] == "After"


def test_preview_command_0x41(ctap2):
    token = pin_token(ctap2, PIN, CM)
    message = b"\x01"
    response = ctap2.send_cbor(0x41, {1: 1, 3: 2, 4: pin_auth(2, token, message)})
    assert R.EXISTING_CRED_COUNT in response and R.MAX_REMAINING_COUNT in response


# ------------------------------------------------------------------------------------------------ negative

def test_update_user_with_another_user_id(ctap2, rp_id):
    attestation, user = make_resident(ctap2, rp_id)
    manager = CredentialManagement(ctap2, pin_protocol(2), pin_token(ctap2, PIN, CM))
    expect_ctap_error(ERR.INVALID_PARAMETER, manager.update_user_info, descriptor(credential_id_of(attestation)),
                      {"id": b"someone else", "name": "x"})


def test_delete_unknown_credential(manager):
    expect_ctap_error(ERR.NO_CREDENTIALS, manager.delete_cred, descriptor(random_bytes(64)))


def test_enumerate_credentials_of_unknown_rp(manager):
    expect_ctap_error(ERR.NO_CREDENTIALS, manager.enumerate_creds_begin, sha256(b"nobody.example.com"))


def test_rps_next_without_begin(ctap2, manager):
    ctap2.get_info()
    expect_ctap_error(ERR.NOT_ALLOWED, manager.enumerate_rps_next)


def test_credentials_next_without_begin(ctap2, manager):
    ctap2.get_info()
    expect_ctap_error(ERR.NOT_ALLOWED, manager.enumerate_creds_next)


def test_without_pin_auth(ctap2):
    expect_ctap_error((ERR.PIN_REQUIRED, ERR.MISSING_PARAMETER), ctap2.credential_mgmt, 1)


def test_wrong_pin_auth(ctap2):
    pin_token(ctap2, PIN, CM)
    expect_ctap_error(ERR.PIN_AUTH_INVALID, ctap2.credential_mgmt, 1, None, 2, random_bytes(32))


def test_token_without_cm_permission(ctap2):
    token = pin_token(ctap2, PIN, ClientPin.PERMISSION.GET_ASSERTION, "example.com")
    manager = CredentialManagement(ctap2, pin_protocol(2), token)
    expect_ctap_error(ERR.PIN_AUTH_INVALID, manager.get_metadata)


def test_enumerate_credentials_without_rp_id_hash(ctap2):
    token = pin_token(ctap2, PIN, CM)
    expect_ctap_error(ERR.MISSING_PARAMETER, ctap2.credential_mgmt, 4, None, 2, pin_auth(2, token, b"\x04"))


def test_unknown_sub_command(ctap2):
    token = pin_token(ctap2, PIN, CM)
    expect_ctap_error(ERR.INVALID_SUBCOMMAND, ctap2.credential_mgmt, 0x20, None, 2, pin_auth(2, token, b"\x20"))


def test_empty_device_has_no_rps(authenticators):
    device = fresh_with_pin(authenticators, "credmgmt-empty", PIN, 1)
    ctap2 = ctap2_for(device)
    token = pin_token(ctap2, PIN, CM, None, 1)
    manager = CredentialManagement(ctap2, pin_protocol(1), token)
    assert manager.get_metadata()[R.EXISTING_CRED_COUNT] == 0
    expect_ctap_error(ERR.NO_CREDENTIALS, manager.enumerate_rps_begin)
    ctap2.device.close()
